import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { postgresConnection } from './db/connection-url';

/** Everything the server reads from its environment (DESIGN §6). Documented in /.env.example. */
export interface Config {
  port: number;
  host: string;
  /** postgres:// URL; when absent the embedded PGlite in `<dataDir>/pglite` is used. */
  databaseUrl?: string;
  dataDir: string;
  /** Folder of the built PWA (vite writes it to dist/web). */
  webDir: string;
  jwtSecret?: string;
  /** Key for connector credentials at rest. */
  secretKey?: string;
  allowedOrigins: string[];
  /** Lifetime of access tokens in seconds (default: the token module's 15 minutes). */
  accessTokenTtlSeconds?: number;
  nodeEnv: 'production' | 'development' | 'test';
}

/** A configuration problem the operator has to fix; the message says which variable and how. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const envSchema = z.object({
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number between 0 and 65535')
      .transform(Number)
      .refine((port) => port <= 65_535, 'must be a whole number between 0 and 65535')
      .optional(),
  ),
  HOST: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use the embedded database)')
      .superRefine((url, context) => {
        try {
          postgresConnection(url);
        } catch (error) {
          context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        }
      })
      .optional(),
  ),
  TESSERA_DATA_DIR: optionalText,
  TESSERA_WEB_DIR: optionalText,
  JWT_SECRET: optionalText,
  TESSERA_SECRET_KEY: optionalText,
  ALLOWED_ORIGINS: optionalText,
  TESSERA_ACCESS_TOKEN_TTL: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds between 5 and 86400')
      .transform(Number)
      .refine((seconds) => seconds >= 5 && seconds <= 86_400, 'must be a whole number of seconds between 5 and 86400')
      .optional(),
  ),
  NODE_ENV: optionalText,
});

const requiredInProduction = {
  JWT_SECRET: 'it signs login tokens. Set it to a long random string, e.g. the output of `openssl rand -base64 48`.',
  TESSERA_SECRET_KEY:
    'it encrypts connector credentials. Set it to 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`.',
} as const;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const vars = parsed.data;
  const nodeEnv = vars.NODE_ENV === 'production' ? 'production' : vars.NODE_ENV === 'test' ? 'test' : 'development';

  if (nodeEnv === 'production') {
    const missing = (Object.keys(requiredInProduction) as (keyof typeof requiredInProduction)[]).filter((name) => !vars[name]);
    if (missing.length > 0) {
      const lines = missing.map((name) => `${name} is not set: ${requiredInProduction[name]}`);
      throw new ConfigError(`Tessera cannot start in production mode (NODE_ENV=production):\n- ${lines.join('\n- ')}`);
    }
  }

  return {
    port: vars.PORT ?? 8080,
    host: vars.HOST ?? '0.0.0.0',
    databaseUrl: vars.DATABASE_URL,
    dataDir: resolve(vars.TESSERA_DATA_DIR ?? './data'),
    webDir: resolve(vars.TESSERA_WEB_DIR ?? defaultWebDir),
    jwtSecret: vars.JWT_SECRET,
    secretKey: vars.TESSERA_SECRET_KEY,
    allowedOrigins: (vars.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    accessTokenTtlSeconds: vars.TESSERA_ACCESS_TOKEN_TTL,
    nodeEnv,
  };
}
