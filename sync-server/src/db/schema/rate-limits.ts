import { boolean, doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Token buckets shared by every server process on the database (login per account and per
 * address): `tokens` as of `at`, and whether the last take was allowed. See auth/shared-rate-limit.ts.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  allowed: boolean('allowed').notNull(),
});
