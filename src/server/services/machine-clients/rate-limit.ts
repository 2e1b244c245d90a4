// Per-client token bucket, kept in this server instance's memory: a client
// gets `perMinute` requests a minute, refilled continuously, with bursts up to
// the same number. Several instances each allow that much (documented in
// docs/api.md); a shared counter row in the database would be locked by every call.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one request from the client's bucket: 0 when allowed, else seconds to wait. */
  take(clientId: string, perMinute: number): number {
    const now = this.now();
    const bucket = this.buckets.get(clientId) ?? { tokens: perMinute, at: now };
    const refilled = Math.min(perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * perMinute);
    if (refilled >= 1) {
      this.buckets.set(clientId, { tokens: refilled - 1, at: now });
      return 0;
    }
    this.buckets.set(clientId, { tokens: refilled, at: now });
    return Math.max(1, Math.ceil(((1 - refilled) * 60) / perMinute));
  }

  /** Forgets a client (tests; a revoked client never comes back). */
  reset(clientId?: string): void {
    if (clientId) this.buckets.delete(clientId);
    else this.buckets.clear();
  }
}

const globalForLimiter = globalThis as unknown as { kontingentApiLimiter?: RateLimiter };
/** The process-wide limiter (survives Next's module reloading in development). */
export const apiRateLimiter = (globalForLimiter.kontingentApiLimiter ??= new RateLimiter());
