import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The sync server processes sharing this database (PostgreSQL only). A process registers once it
 * LISTENs, refreshes `seenAt` while it runs and removes its row when it stops; a row not refreshed
 * for a while is a crashed process's and is removed by the others. A commit NOTIFYs the other
 * processes only while some other row exists (`tessera_notify_others`, migration 0003), so a
 * single process does not wake itself for each of its own updates.
 */
export const syncInstances = pgTable('sync_instances', {
  id: text('id').primaryKey(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
});
