import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors';

/** Parses the JSON body with `schema`: bad JSON or a failed check → 400 with the reasons. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_input', 'The request body must be JSON (Content-Type: application/json).');
  }
  return schema.parse(body);
}
