import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, handleError } from './errors';

function app() {
  return new Hono()
    .onError(handleError)
    .get('/api-error', () => {
      throw new ApiError(409, 'conflict', 'That name is taken: choose another.');
    })
    .get('/zod', () => {
      z.object({ name: z.string() }).parse({ name: 42 });
      return new Response('unreachable');
    })
    .get('/http', () => {
      throw new HTTPException(413, { message: 'Body too large: the limit is 1 MB.' });
    })
    .get('/boom', () => {
      throw new Error('secret internal detail');
    });
}

describe('handleError', () => {
  it('keeps the status and code of an ApiError', async () => {
    const response = await app().request('/api-error');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'conflict', message: 'That name is taken: choose another.' } });
  });

  it('turns a zod error into 400 invalid_input naming the field', async () => {
    const response = await app().request('/zod');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('name');
  });

  it('maps an HTTPException to the error shape', async () => {
    const response = await app().request('/http');
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'too_large', message: 'Body too large: the limit is 1 MB.' } });
  });

  it('hides internal errors behind a reference id that is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await app().request('/boom');
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('internal');
      expect(body.error.message).not.toContain('secret internal detail');
      const ref = /\(ref ([0-9a-f]{8})\)/.exec(body.error.message)?.[1];
      expect(ref).toBeDefined();
      expect(String(log.mock.calls[0]?.[0])).toContain(`ref=${ref}`);
    } finally {
      log.mockRestore();
    }
  });
});
