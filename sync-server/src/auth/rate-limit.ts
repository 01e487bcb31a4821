export interface TokenBucketOptions {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

/** In-memory token buckets by key (per account, per IP, per connection). */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly options: TokenBucketOptions) {}

  /** Takes one token: 0 when allowed, otherwise the seconds to wait before retrying. */
  take(key: string, now = Date.now()): number {
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }

  private prune(now: number): void {
    const { capacity, refillPerSecond } = this.options;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key);
    }
  }
}
