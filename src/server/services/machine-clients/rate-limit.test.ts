import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows the per-minute budget at once, then asks to wait, and refills with time", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect(limiter.take("a", 3)).toBe(0);
    expect(limiter.take("a", 3)).toBe(20); // one request per 20 s
    expect(limiter.take("b", 3)).toBe(0); // buckets are per client
    now += 20_000;
    expect(limiter.take("a", 3)).toBe(0);
    expect(limiter.take("a", 3)).toBeGreaterThan(0);
  });
});
