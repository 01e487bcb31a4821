import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { DatasetBlob } from '@tessera/shared';
import { requireWorkbookRole } from '../access';
import { datasetBlobs } from '../db/schema';
import { ApiError, errorBody } from '../errors';
import type { Services } from '../services';

const PartSchema = z
  .string()
  .max(128, 'is too long (max 128 characters)')
  .regex(/^[A-Za-z0-9_.-]+$/, 'may only hold letters, digits, _, . and -')
  .refine((value) => value !== '.' && value !== '..', 'is not a valid name');

const NOT_PARQUET_MESSAGE =
  'A Parquet file is expected: the body must be the dataset snapshot as Parquet bytes (starting and ending with "PAR1"). Nothing was stored.';

function part(what: string, value: string): string {
  const parsed = PartSchema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, 'invalid_input', `The dataset ${what} ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
  return parsed.data;
}

class TooLarge extends Error {}
class NotParquet extends Error {}

const PARQUET_MAGIC = Buffer.from('PAR1');
/** Magic + 4-byte footer length + magic: nothing shorter can be a Parquet file. */
const SMALLEST_PARQUET = 12;

/**
 * Counts the streamed bytes against `limit` and checks the Parquet magic `PAR1` at both ends, keeping
 * only the first and last 4 bytes: a wrong head fails at once (the rest is never read), a wrong tail
 * when the stream ends.
 */
function checkingStream(limit: number): { stream: Transform; size: () => number } {
  let size = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) return callback(new TooLarge());
      if (head.length < PARQUET_MAGIC.length) {
        head = Buffer.concat([head, chunk.subarray(0, PARQUET_MAGIC.length - head.length)]);
        if (!PARQUET_MAGIC.subarray(0, head.length).equals(head)) return callback(new NotParquet());
      }
      // A copy of the last bytes only: the chunk itself is not kept alive.
      tail = Buffer.from((chunk.length >= PARQUET_MAGIC.length ? chunk : Buffer.concat([tail, chunk])).subarray(-PARQUET_MAGIC.length));
      callback(null, chunk);
    },
    flush(callback) {
      // An empty body has its own message (see the handler).
      callback(size > 0 && (size < SMALLEST_PARQUET || !tail.equals(PARQUET_MAGIC)) ? new NotParquet() : null);
    },
  });
  return { stream, size: () => size };
}

/**
 * `/api/workbooks/:wb/datasets/:ds/:version`: Parquet snapshots, content-addressed by version.
 * PUT streams the body to `<dataDir>/blobs` (never held in memory), enforcing the size limit and the
 * Parquet magic at both ends while it streams (anything else → 400, nothing kept); a second PUT of a
 * stored version is a no-op. The table keeps the metadata.
 */
export function datasetRoutes(services: Services) {
  const { db } = services.handle;
  const blobsDir = join(services.dataDir, 'blobs');
  const limit = services.limits.datasetBytes;

  const find = (workbookId: string, datasetId: string, version: string) =>
    db
      .select()
      .from(datasetBlobs)
      .where(and(eq(datasetBlobs.workbookId, workbookId), eq(datasetBlobs.datasetId, datasetId), eq(datasetBlobs.version, version)));

  return new Hono<{ Variables: { user: { id: string } } }>()
    .put('/:ds/:version', async (c) => {
      // An early answer leaves the rest of the upload unread: the connection cannot be reused.
      const closeAfter = (response: Response) => {
        response.headers.set('Connection', 'close');
        return response;
      };
      const wb = c.req.param('wb') ?? '';
      const { workbook } = await requireWorkbookRole(db, wb, c.var.user.id, 'editor');
      const datasetId = part('id', c.req.param('ds'));
      const version = part('version', c.req.param('version'));
      const tooLarge = () =>
        new ApiError(413, 'too_large', `The dataset snapshot is larger than the server accepts (${Math.round(limit / 1024 / 1024)} MiB).`);
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (declared > limit) return closeAfter(c.json(errorBody(tooLarge().code, tooLarge().message), 413));

      const [existing] = await find(workbook.id, datasetId, version);
      if (existing) {
        await c.req.raw.body?.cancel().catch(() => undefined);
        return closeAfter(c.json({ workbookId: workbook.id, datasetId, version, size: existing.size } satisfies DatasetBlob, 201));
      }
      const body = c.req.raw.body;
      if (!body) throw new ApiError(400, 'invalid_input', 'Send the Parquet bytes of the dataset snapshot as the request body.');

      const relative = join(encodeURIComponent(workbook.id), datasetId, `${version}.parquet`);
      const target = join(blobsDir, relative);
      await mkdir(join(target, '..'), { recursive: true });
      const temporary = `${target}.${randomUUID()}.part`;
      const checked = checkingStream(limit);
      const file = createWriteStream(temporary);
      try {
        await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), checked.stream, file);
      } catch (error) {
        // A failure can come before the file is even open: wait until it is closed, or the removal
        // would run first and the opening would leave an empty file behind.
        if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
        await rm(temporary, { force: true });
        if (error instanceof TooLarge) return closeAfter(c.json(errorBody(tooLarge().code, tooLarge().message), 413));
        if (error instanceof NotParquet) return closeAfter(c.json(errorBody('invalid_input', NOT_PARQUET_MESSAGE), 400));
        throw error;
      }
      const size = checked.size();
      if (size === 0) {
        await rm(temporary, { force: true });
        throw new ApiError(400, 'invalid_input', 'The request body is empty: send the Parquet bytes of the dataset snapshot.');
      }
      await rename(temporary, target);
      await db.insert(datasetBlobs).values({ workbookId: workbook.id, datasetId, version, size, path: relative }).onConflictDoNothing();
      return c.json({ workbookId: workbook.id, datasetId, version, size } satisfies DatasetBlob, 201);
    })
    .get('/:ds/:version', async (c) => {
      const wb = c.req.param('wb') ?? '';
      const { workbook } = await requireWorkbookRole(db, wb, c.var.user.id, 'viewer');
      const datasetId = part('id', c.req.param('ds'));
      const version = part('version', c.req.param('version'));
      const [row] = await find(workbook.id, datasetId, version);
      const path = row ? join(blobsDir, row.path) : undefined;
      const info = path ? await stat(path).catch(() => undefined) : undefined;
      if (!path || !info) throw new ApiError(404, 'not_found', 'This dataset version is not stored on the server. Upload it from a device that has it.');
      c.header('Content-Type', 'application/vnd.apache.parquet');
      c.header('Content-Length', String(info.size));
      c.header('Cache-Control', 'private, max-age=31536000, immutable');
      return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>);
    });
}
