import postgres, { type Options, type Sql } from 'postgres';

type ClientOptions = Options<Record<string, never>>;

/**
 * postgres-js options for a `postgres://` URL, including the libpq ways of naming a unix-socket
 * directory, which postgres-js does not read on its own:
 *   postgres://user@/db?host=/var/run/postgresql   (the `host` query parameter; `port` may follow)
 *   postgres://user@%2Fvar%2Frun%2Fpostgresql/db     (a percent-encoded directory as the host)
 * A socket directory becomes postgres-js's `path` (`<dir>/.s.PGSQL.<port>`); user, password,
 * database and the other query parameters keep their meaning. Any other URL is passed through.
 */
export function postgresConnection(url: string): { url: string; path?: string } {
  const match = /^(postgres(?:ql)?:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?$/.exec(url);
  if (!match) return { url };
  const [, scheme, authority, pathname, search = ''] = match;
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostport = /^(.*?)(?::(\d+))?$/.exec(decodeURIComponent(authority.slice(at + 1)));
  const [host, authorityPort] = [hostport?.[1] ?? '', hostport?.[2]];
  const query = new URLSearchParams(search);
  const queryHost = query.get('host');
  const socketDir = queryHost ?? (host.startsWith('/') ? host : undefined);
  if (socketDir === undefined) return { url };
  if (!socketDir.startsWith('/')) {
    throw new Error(
      `DATABASE_URL's host parameter must be a unix-socket directory (an absolute path such as /var/run/postgresql), got "${socketDir}". ` +
        'For TCP put the host in the URL itself: postgres://user@host:5432/database.',
    );
  }
  const port = query.get('port') ?? authorityPort ?? '5432';
  query.delete('host');
  query.delete('port');
  const rest = query.toString();
  // postgres-js reads user, password and database from the URL; its host part is then unused.
  return {
    url: `${scheme}${userinfo}localhost${pathname}${rest ? `?${rest}` : ''}`,
    path: `${socketDir.replace(/\/+$/, '')}/.s.PGSQL.${port}`,
  };
}

/** `url` naming database `name` instead (whatever form its host takes). */
export function withDatabase(url: string, name: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/?#]*)([^?#]*)(.*)$/.exec(url);
  if (!match) throw new Error(`not a postgres:// URL: ${url}`);
  return `${match[1]}/${encodeURIComponent(name)}${match[3]}`;
}

/** A postgres-js client for `url`, over TCP or a unix socket (see `postgresConnection`). */
export function postgresClient(url: string, options: ClientOptions = {}): Sql {
  const { url: clientUrl, path } = postgresConnection(url);
  return postgres(clientUrl, path ? { ...options, path } : options);
}
