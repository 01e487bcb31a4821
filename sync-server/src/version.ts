import { readFileSync } from 'node:fs';

/** The product version: the `version` of the repository's root package.json. */
export function readVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    if (pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through: an unreadable package.json must not stop the server
  }
  return '0.0.0';
}
