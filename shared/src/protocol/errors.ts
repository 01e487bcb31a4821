import { z } from 'zod';

/** The one error body of the API (DESIGN §5.1): `{ error: { code, message, details? } }`. */
export const ApiErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** The error code the server sends with each status (a route may use a more precise code). */
export const ERROR_CODE_FOR_STATUS = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
} as const;
