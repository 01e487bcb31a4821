import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { queryRows } from '../db/rows';
import type { TokenBucketOptions } from './rate-limit';

/** Takes one token for `key`: resolves 0 when allowed, otherwise the seconds to wait before retrying. */
export interface RateLimiter {
  take(key: string): Promise<number>;
}

/** Old full buckets are deleted once every this many takes (a full bucket needs no row). */
const PRUNE_EVERY = 500;

/**
 * Token buckets kept in the database (`rate_limits`), so every server process on one PostgreSQL
 * draws from the same budget: with N processes an attacker gets the limit once, not N times. One
 * statement per take; the row lock of ON CONFLICT DO UPDATE makes concurrent takes on a key queue.
 * Keys are prefixed with `scope`, so several limiters share the table.
 */
export class SharedTokenBucketLimiter implements RateLimiter {
  private takes = 0;

  constructor(
    private readonly db: Database,
    private readonly scope: string,
    private readonly options: TokenBucketOptions,
  ) {}

  async take(key: string): Promise<number> {
    const { capacity, refillPerSecond } = this.options;
    const id = `${this.scope}:${key}`;
    // SET expressions all see the row as it was: refill it up to now, then take one token if there is one.
    const refilled = sql`least(${capacity}::float8, r.tokens + extract(epoch from now() - r.at)::float8 * ${refillPerSecond}::float8)`;
    const [row] = await queryRows<{ tokens: number; allowed: boolean }>(
      this.db,
      sql`insert into rate_limits as r (key, tokens, at, allowed) values (${id}, ${capacity - 1}::float8, now(), true)
          on conflict (key) do update set
            tokens = ${refilled} - case when ${refilled} >= 1 then 1 else 0 end,
            allowed = ${refilled} >= 1,
            at = now()
          returning tokens, allowed`,
    );
    if (++this.takes % PRUNE_EVERY === 0) void this.prune();
    if (row.allowed) return 0;
    return Math.max(1, Math.ceil((1 - Number(row.tokens)) / refillPerSecond));
  }

  private async prune(): Promise<void> {
    const { capacity, refillPerSecond } = this.options;
    await this.db
      .execute(sql`delete from rate_limits where starts_with(key, ${`${this.scope}:`}) and at < now() - make_interval(secs => ${capacity / refillPerSecond}::float8)`)
      .catch((error: unknown) => console.error('[tessera] could not prune rate limits:', error instanceof Error ? error.message : error));
  }
}
