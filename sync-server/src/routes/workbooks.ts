import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { CreateVersionRequestSchema, RenameWorkbookRequestSchema, type VersionSummary } from '@tessera/shared';
import { isUuid, requireWorkbookRole } from '../access';
import { requireUser } from '../auth/middleware';
import { versions, workbooks } from '../db/schema';
import { ApiError } from '../errors';
import type { Services } from '../services';
import { buildRestoreUpdate, encodeVersion } from '../sync/versions';
import { datasetRoutes } from './datasets';
import { readJson } from './read-json';

/** `/api/workbooks/:wb`: rename, delete, named versions (list / create / restore), dataset blobs. */
export function workbookRoutes(services: Services) {
  const { db } = services.handle;
  const { hub } = services;

  return new Hono()
    .use(requireUser(services))
    .patch('/:wb', async (c) => {
      const { workbook } = await requireWorkbookRole(db, c.req.param('wb'), c.var.user.id, 'editor');
      const { name } = await readJson(c, RenameWorkbookRequestSchema);
      const [row] = await db
        .update(workbooks)
        .set({ name, updatedAt: new Date() })
        .where(eq(workbooks.id, workbook.id))
        .returning({ id: workbooks.id, name: workbooks.name, updatedAt: workbooks.updatedAt });
      if (!row) throw new ApiError(404, 'not_found', 'This workbook was deleted meanwhile.');
      return c.json({ ...row, updatedAt: row.updatedAt.toISOString() });
    })
    .delete('/:wb', async (c) => {
      const { workbook } = await requireWorkbookRole(db, c.req.param('wb'), c.var.user.id, 'owner');
      await db.delete(workbooks).where(eq(workbooks.id, workbook.id));
      await hub.closeWorkbook(workbook.id);
      await rm(join(services.dataDir, 'blobs', encodeURIComponent(workbook.id)), { recursive: true, force: true });
      return c.body(null, 204);
    })
    .get('/:wb/versions', async (c) => {
      const { workbook } = await requireWorkbookRole(db, c.req.param('wb'), c.var.user.id, 'viewer');
      const rows = await db
        .select({ id: versions.id, name: versions.name, createdAt: versions.createdAt, createdBy: versions.createdBy })
        .from(versions)
        .where(eq(versions.workbookId, workbook.id))
        .orderBy(desc(versions.createdAt));
      return c.json(rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) satisfies VersionSummary[]);
    })
    .post('/:wb/versions', async (c) => {
      const { workbook } = await requireWorkbookRole(db, c.req.param('wb'), c.var.user.id, 'editor');
      const { name } = await readJson(c, CreateVersionRequestSchema);
      const snapshot = await hub.withRoom(workbook.id, (room) =>
        room.exclusive(async () => {
          // Another server process may have committed edits this one has not read yet.
          await room.readNewRows();
          return encodeVersion(room);
        }),
      );
      const [row] = await db
        .insert(versions)
        .values({ workbookId: workbook.id, name, snapshot, createdBy: c.var.user.id })
        .returning({ id: versions.id, name: versions.name, createdAt: versions.createdAt, createdBy: versions.createdBy });
      return c.json({ ...row, createdAt: row.createdAt.toISOString() } satisfies VersionSummary, 201);
    })
    .post('/:wb/versions/:v/restore', async (c) => {
      const { workbook } = await requireWorkbookRole(db, c.req.param('wb'), c.var.user.id, 'editor');
      const versionId = c.req.param('v');
      const [version] = isUuid(versionId)
        ? await db.select().from(versions).where(and(eq(versions.id, versionId), eq(versions.workbookId, workbook.id)))
        : [];
      if (!version) throw new ApiError(404, 'not_found', 'No such version of this workbook.');
      await hub.withRoom(workbook.id, async (room) => {
        const update = await room.exclusive(async () => {
          await room.readNewRows();
          return buildRestoreUpdate(room, version.snapshot);
        });
        if (room.changesDoc(update)) await room.submit(update);
      });
      return c.json({ id: version.id, name: version.name, restored: true });
    })
    .route('/:wb/datasets', datasetRoutes(services));
}
