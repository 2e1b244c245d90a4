// Client addresses: X-Forwarded-For is believed only from configured proxies,
// and only a validated, canonical address ever comes out.
import { afterEach, describe, expect, it, vi } from "vitest";
import { canonicalIp, clientFromForwardedFor, parseTrustedProxies } from "./ip-address";
import { clientIp } from "./request-meta";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.1, 10.0.0.2");

describe("clientIp", () => {
  it("ignores a client's own X-Forwarded-For when no proxy is trusted (the default)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), none)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "203.0.113.7, 198.51.100.1" }, none)).toBeNull();
    // The default reads KONTINGENT_TRUSTED_PROXIES, unset in tests.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBeNull();
    expect(clientIp(new Headers(), proxies)).toBeNull();
  });

  it("walks the chain from the right through two trusted proxies to the first untrusted address", () => {
    const headers = new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.2" });
    expect(clientIp(headers, proxies)).toBe("203.0.113.7");
    // Whatever the client wrote on the left is skipped, however it rotates.
    expect(clientIp({ "x-forwarded-for": "198.51.100.99, 203.0.113.7, 10.0.0.1, 10.0.0.2" }, proxies)).toBe("203.0.113.7");
    // Several header lines are one list.
    expect(clientIp({ "x-forwarded-for": ["9.9.9.9, 203.0.113.7", "10.0.0.2"] }, proxies)).toBe("203.0.113.7");
    // Only proxies: the request came from a proxy host itself.
    expect(clientIp({ "x-forwarded-for": "10.0.0.1, 10.0.0.2" }, proxies)).toBe("10.0.0.1");
  });

  it("trusts whole CIDR ranges, IPv4 and IPv6", () => {
    const ranges = parseTrustedProxies("10.0.0.0/8,fd00::/8");
    expect(clientFromForwardedFor("203.0.113.7, 10.20.30.40, fd12::1", ranges)).toBe("203.0.113.7");
    expect(clientFromForwardedFor("2001:db8::5, 10.255.255.255", ranges)).toBe("2001:db8::5");
    expect(clientFromForwardedFor("203.0.113.7, 11.0.0.1", ranges)).toBe("11.0.0.1");
  });

  it("gives null for garbage or a formula instead of passing the text on", () => {
    for (const forged of ['=HYPERLINK("http://evil.example","click")', "unknown", "1.2.3.4.5", "999.1.1.1", "", " , ", "'; DROP TABLE", "01.2.3.4"]) {
      expect(clientIp({ "x-forwarded-for": `${forged}` }, proxies), forged).toBeNull();
      expect(clientIp({ "x-forwarded-for": `203.0.113.7, ${forged}` }, proxies), forged).toBeNull();
    }
    // A forgery to the left of the client is never read at all.
    expect(clientIp({ "x-forwarded-for": '=HYPERLINK("x"), 203.0.113.7' }, proxies)).toBe("203.0.113.7");
  });
});

describe("canonicalIp", () => {
  it("returns one spelling per address", () => {
    expect(canonicalIp("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(canonicalIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(canonicalIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(canonicalIp("203.0.113.7:8080")).toBe("203.0.113.7");
    expect(canonicalIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(canonicalIp("fe80::1%eth0")).toBe("fe80::1");
    expect(canonicalIp("x".repeat(200))).toBeNull();
    expect(canonicalIp(null)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("refuses entries that are neither addresses nor ranges", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow(/proxy\.local/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow();
    expect(parseTrustedProxies(" 127.0.0.1 , ::1 ").size).toBe(2);
  });
});

describe("KONTINGENT_TRUSTED_PROXIES", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is checked at start-up and used by clientIp", async () => {
    vi.stubEnv("KONTINGENT_TRUSTED_PROXIES", "10.0.0.1, not-an-address");
    vi.resetModules();
    const broken = await import("../env");
    expect(() => broken.serverEnv()).toThrow(/KONTINGENT_TRUSTED_PROXIES: "not-an-address"/);

    vi.stubEnv("KONTINGENT_TRUSTED_PROXIES", "10.0.0.0/8");
    vi.resetModules();
    const meta = await import("./request-meta");
    expect(meta.clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.1.1.1" }))).toBe("203.0.113.7");
  });
});
