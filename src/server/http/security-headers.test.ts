import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
// @ts-expect-error next.config.js is plain JavaScript (type-checked there by // @ts-check)
import nextConfigJs from "../../../next.config.js";
import { contentSecurityPolicy, mustNotCache, newNonce, STATIC_SECURITY_HEADERS } from "./security-headers";

const nextConfig = nextConfigJs as NextConfig;

const directives = (policy: string) => new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("security headers", () => {
  it("builds a nonce-based CSP without inline scripts", () => {
    const csp = directives(contentSecurityPolicy("abc123=="));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("makes a fresh nonce of 128 bits per call", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("sends HSTS of at least a year with subdomains, nosniff, DENY, a strict referrer policy", () => {
    expect(Number(/max-age=(\d+)/.exec(STATIC_SECURITY_HEADERS["Strict-Transport-Security"]!)?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(STATIC_SECURITY_HEADERS["Strict-Transport-Security"]).toContain("includeSubDomains");
    expect(STATIC_SECURITY_HEADERS).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });

  it("next.config.js sends the same static headers on every path (static files too)", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }]);
  });

  it("lets only Next's hashed static files be cached", () => {
    expect(mustNotCache("/school/learners")).toBe(true);
    expect(mustNotCache("/api/trpc/learners.list")).toBe(true);
    expect(mustNotCache("/api/school/learners/export")).toBe(true);
    expect(mustNotCache("/_next/static/chunks/app.js")).toBe(false);
  });
});
