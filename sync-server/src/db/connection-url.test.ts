import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/databases';
import { postgresClient, postgresConnection, withDatabase } from './connection-url';

describe('postgresConnection', () => {
  it('passes TCP URLs through unchanged', () => {
    expect(postgresConnection('postgres://u:p@127.0.0.1:5432/db?sslmode=require')).toEqual({ url: 'postgres://u:p@127.0.0.1:5432/db?sslmode=require' });
  });

  it('reads the socket directory from the host query parameter, with the port from the query or the URL', () => {
    expect(postgresConnection('postgres://u@/db?host=/var/run/postgresql')).toEqual({ url: 'postgres://u@localhost/db', path: '/var/run/postgresql/.s.PGSQL.5432' });
    expect(postgresConnection('postgresql://u:secret@/db?host=/tmp/&port=6543&application_name=x')).toEqual({
      url: 'postgresql://u:secret@localhost/db?application_name=x',
      path: '/tmp/.s.PGSQL.6543',
    });
    expect(postgresConnection('postgres://u@:6000/db?host=/tmp')).toEqual({ url: 'postgres://u@localhost/db', path: '/tmp/.s.PGSQL.6000' });
  });

  it('reads a percent-encoded directory given as the host', () => {
    expect(postgresConnection('postgres://u@%2Fvar%2Frun%2Fpostgresql:5433/db')).toEqual({ url: 'postgres://u@localhost/db', path: '/var/run/postgresql/.s.PGSQL.5433' });
  });

  it('refuses a host parameter that is not a directory, saying what to write', () => {
    expect(() => postgresConnection('postgres://u@/db?host=db.internal')).toThrow(/must be a unix-socket directory.*postgres:\/\/user@host:5432\/database/);
  });

  it('withDatabase swaps the database and keeps the rest', () => {
    expect(withDatabase('postgres://u@/postgres?host=/var/run/postgresql', 'x_1')).toBe('postgres://u@/x_1?host=/var/run/postgresql');
    expect(withDatabase('postgres://u@127.0.0.1:5432/postgres', 'x_1')).toBe('postgres://u@127.0.0.1:5432/x_1');
  });
});

describe('postgresClient on the real PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('connects over the unix socket the server reports, to the database the URL names', async () => {
    const tcp = postgresClient(database.url, { max: 1 });
    const [{ directories }] = await tcp<Array<{ directories: string }>>`select current_setting('unix_socket_directories') as directories`;
    await tcp.end();
    const directory = directories.split(',')[0].trim();
    expect(directory.startsWith('/')).toBe(true);
    const { username: user, port } = new URL(database.url.replace(/^postgres:/, 'http:'));
    const socket = postgresClient(`postgres://${user || 'postgres'}@/${database.name}?host=${directory}&port=${port || '5432'}`, { max: 1 });
    try {
      const [row] = await socket<Array<{ address: string | null; name: string }>>`select inet_server_addr()::text as address, current_database() as name`;
      // inet_server_addr() is null on a unix-socket connection.
      expect(row).toEqual({ address: null, name: database.name });
    } finally {
      await socket.end();
    }
  });
});
