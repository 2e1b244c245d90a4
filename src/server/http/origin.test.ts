// Which origins count as ours: a loopback NEXTAUTH_URL admits its other
// loopback names (same scheme and port), anything else only itself.
import { afterEach, describe, expect, it, vi } from "vitest";
import { acceptedOrigins } from "./origin";

/** fromOwnOrigin with NEXTAUTH_URL set (serverEnv() is read once per module instance). */
async function withOwnOrigin(url: string) {
  vi.stubEnv("NEXTAUTH_URL", url);
  vi.resetModules();
  return (await import("./origin")).fromOwnOrigin;
}

const post = (origin?: string) => new Request("http://localhost:3000/api/trpc/x", { method: "POST", headers: origin ? { origin } : {} });

describe("own origins", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("admits localhost, 127.0.0.1 and [::1] for a loopback origin, with its scheme and port only", async () => {
    const fromOwnOrigin = await withOwnOrigin("http://localhost:3000");
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) expect(fromOwnOrigin(post(origin)), origin).toBe(true);
    for (const origin of [
      "http://127.0.0.1:3001", "https://127.0.0.1:3000", "http://localhost", "http://192.168.1.20:3000", "http://10.0.0.5:3000",
      "http://localhost:3000.evil.example", "http://evil.example", "null", "http://127.0.0.2:3000", "http://0.0.0.0:3000",
    ]) expect(fromOwnOrigin(post(origin)), origin).toBe(false);
    expect(fromOwnOrigin(post())).toBe(false);
  });

  it("keeps a non-loopback origin exact: no loopback name and no LAN address gets in", async () => {
    expect(acceptedOrigins("https://kontingent.region.ru")).toEqual(["https://kontingent.region.ru"]);
    expect(acceptedOrigins("http://192.168.1.20:3000")).toEqual(["http://192.168.1.20:3000"]);
    const fromOwnOrigin = await withOwnOrigin("https://kontingent.region.ru");
    expect(fromOwnOrigin(post("https://kontingent.region.ru"))).toBe(true);
    for (const origin of ["https://localhost", "https://127.0.0.1", "http://kontingent.region.ru", "https://kontingent.region.ru:8443"]) expect(fromOwnOrigin(post(origin)), origin).toBe(false);
  });

  it("names each loopback variant of a loopback origin", () => {
    expect(acceptedOrigins("http://127.0.0.1:3100/")).toEqual(["http://localhost:3100", "http://127.0.0.1:3100", "http://[::1]:3100"]);
  });
});
