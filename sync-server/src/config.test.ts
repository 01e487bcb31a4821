import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { createTempDir } from './testing/databases';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('loadConfig', () => {
  it('has working defaults for a bare machine', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
    expect(config.allowedOrigins).toEqual([]);
    expect(config.nodeEnv).toBe('development');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9090',
      DATABASE_URL: 'postgres://u@db:5432/tessera',
      TESSERA_DATA_DIR: '/var/lib/tessera',
      JWT_SECRET: 'j',
      TESSERA_SECRET_KEY: 'k',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example,',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 9090,
      databaseUrl: 'postgres://u@db:5432/tessera',
      dataDir: '/var/lib/tessera',
      jwtSecret: 'j',
      secretKey: 'k',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      nodeEnv: 'production',
    });
  });

  it('reads the access-token lifetime in seconds and refuses a nonsensical one', () => {
    expect(loadConfig({}).accessTokenTtlSeconds).toBeUndefined();
    expect(loadConfig({ TESSERA_ACCESS_TOKEN_TTL: '300' }).accessTokenTtlSeconds).toBe(300);
    for (const bad of ['2', '100000', '1.5', 'soon']) {
      expect(() => loadConfig({ TESSERA_ACCESS_TOKEN_TTL: bad })).toThrow(/TESSERA_ACCESS_TOKEN_TTL must be a whole number of seconds between 5 and 86400/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 8080, databaseUrl: undefined });
  });

  it('rejects a bad PORT or DATABASE_URL with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@/db?host=db.internal' })).toThrow(/DATABASE_URL's host parameter must be a unix-socket directory/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@/db?host=/var/run/postgresql' }).databaseUrl).toBe('postgres://u@/db?host=/var/run/postgresql');
  });

  it('fails fast in production without the secrets, saying which to set', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'set' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('TESSERA_SECRET_KEY is not set');
    expect((error as Error).message).not.toContain('JWT_SECRET is not set');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is not set[\s\S]*TESSERA_SECRET_KEY is not set/);
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
  });
});

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx sync-server/src/main.ts`; `onOutput` may stop it once it printed enough. */
function runMain(env: Record<string, string>, onOutput?: (stdout: string, stop: () => void) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onOutput?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('main.ts', () => {
  it('refuses to start in production without the secrets, naming them', async () => {
    const result = await runMain({ NODE_ENV: 'production', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JWT_SECRET is not set');
    expect(result.stderr).toContain('TESSERA_SECRET_KEY is not set');
    expect(result.stdout).not.toContain('Tessera is running');
  });

  it('starts on PGlite, says the web app is not built, serves health, and stops on SIGTERM', async () => {
    const data = await createTempDir();
    try {
      let health: Promise<unknown> | undefined;
      const result = await runMain(
        { PORT: '0', TESSERA_DATA_DIR: data.path, TESSERA_WEB_DIR: join(data.path, 'no-web') },
        (stdout, stop) => {
          const match = /Tessera is running at http:\/\/localhost:(\d+)/.exec(stdout);
          if (match && !health) {
            health = fetch(`http://127.0.0.1:${match[1]}/api/health`)
              .then((response) => response.json())
              .finally(stop);
          }
        },
      );
      expect(result.stdout).toContain('database: embedded PGlite');
      expect(result.stderr).toContain('The web app is not built: run `pnpm build` (or `npm start`).');
      expect(await health).toMatchObject({ ok: true, db: 'pglite' });
      expect(result.stdout).toContain('Received SIGTERM');
      expect(result.code).toBe(0);
    } finally {
      await data.remove();
    }
  });
});
