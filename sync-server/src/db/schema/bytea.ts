import { customType } from 'drizzle-orm/pg-core';

/** drizzle has no bytea for pg: postgres-js answers Buffer, PGlite Uint8Array — both normalised to a plain Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});
