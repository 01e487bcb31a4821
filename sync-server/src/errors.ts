import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

/** The one error body of the API (DESIGN §5.1). */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Throw from a handler to answer `{ error: { code, message, details? } }` with `status`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const codeForStatus: Partial<Record<number, string>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** `app.onError` handler: known errors keep their status; anything else is logged with a reference id. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return c.json(errorBody('invalid_input', `Invalid input: ${message}`, error.issues), 400);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(codeForStatus[status] ?? 'bad_request', error.message || 'The request was refused.'), status);
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[tessera] internal error ref=${ref} ${c.req.method} ${c.req.path}`, error);
  return c.json(errorBody('internal', `Something went wrong (ref ${ref}). Please try again; if it keeps happening, report this reference.`), 500);
}
