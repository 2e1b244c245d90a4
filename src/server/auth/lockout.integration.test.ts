// Lockout and address limits on a real database: five failures lock an
// account for 15 minutes (the right password too), unknown logins behave the
// same, twenty failures from one address refuse that address.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-region";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { parseTrustedProxies } from "./ip-address";
import { clientIp } from "./request-meta";
import { signIn } from "./sign-in";

describeDb("sign-in lockout", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  const fail = (login: string, ip: string) => signIn(db.prisma, { login, password: "wrong-password-123" }, ip);
  const actionsSince = async (id: bigint) =>
    (await db.prisma.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((e) => e.action);
  const lastId = async () => (await db.prisma.auditEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;

  it("locks an account after five failures, refuses the right password during the lock, audits both", async () => {
    const start = await lastId();
    for (let i = 0; i < 4; i++) expect(await fail("school.registrar", "10.1.0.1")).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await fail("school.registrar", "10.1.0.1")).toEqual({ ok: false, error: "locked" });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
    expect(user.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60 * 1000);

    expect(await signIn(db.prisma, { login: "school.registrar", password: DEMO_PASSWORD }, "10.1.0.2")).toEqual({ ok: false, error: "locked" });
    const actions = await actionsSince(start);
    expect(actions.filter((a) => a === "auth.login.failure")).toHaveLength(5);
    expect(actions).toContain("auth.account.locked");
    expect(actions.at(-1)).toBe("auth.login.refused");
    expect(await db.prisma.userSession.count({ where: { userId: user.id } })).toBe(0);

    // When the lock has run out, the right password works and resets the counter.
    await db.prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000), failedLoginCount: 3 } });
    expect((await signIn(db.prisma, { login: "school.registrar", password: DEMO_PASSWORD }, "10.1.0.2")).ok).toBe(true);
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("gives an unknown login exactly the answers a real account gets, lock included", async () => {
    const real: unknown[] = [];
    const ghost: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      real.push(await fail("school.medic", "10.2.0.1"));
      ghost.push(await fail("no.such.person", "10.2.0.2"));
    }
    expect(ghost).toEqual(real);
    expect(real.at(-1)).toEqual({ ok: false, error: "locked" });
    // The right password for a locked account and any password for a locked unknown login look alike.
    expect(await signIn(db.prisma, { login: "school.medic", password: DEMO_PASSWORD }, "10.2.0.3")).toEqual(
      await signIn(db.prisma, { login: "no.such.person", password: DEMO_PASSWORD }, "10.2.0.3"),
    );
  });

  it("refuses an address after twenty failures in the window, for every account", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < 19; i++) expect((await fail(`ghost.${i}`, ip)).ok).toBe(false);
    const start = await lastId();
    expect(await fail("ghost.last", ip)).toEqual({ ok: false, error: "too_many_attempts" });
    expect(await actionsSince(start)).toContain("auth.ip.limited");

    // Even a correct password for an unlocked account is refused from that address, and audited.
    expect(await signIn(db.prisma, { login: "school2.admin", password: DEMO_PASSWORD }, ip)).toEqual({ ok: false, error: "too_many_attempts" });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "auth.login.refused",
      details: { reason: "ip_limited" },
    });
    // Another address is not affected; the counters are rows, shared by every app instance.
    expect((await signIn(db.prisma, { login: "school2.admin", password: DEMO_PASSWORD }, "10.3.0.2")).ok).toBe(true);
    expect(await db.prisma.signInThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } })).toMatchObject({ lockedUntil: expect.any(Date) });

    // After the window the address may try again.
    await db.prisma.signInThrottle.update({ where: { key: `ip:${ip}` }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(db.prisma, { login: "school2.admin", password: DEMO_PASSWORD }, ip)).ok).toBe(true);
  });

  it("is not escaped by a rotating X-Forwarded-For, with or without trusted proxies", async () => {
    // As options.ts does: the address comes from clientIp(headers), then signIn.
    const attempt = (login: string, password: string, forwardedFor: string, proxies = parseTrustedProxies("")) =>
      signIn(db.prisma, { login, password }, clientIp(new Headers({ "x-forwarded-for": forwardedFor }), proxies));

    // No trusted proxy (the default): a client's header is ignored and the audit
    // stores no address. No address counter is kept for an unknown address (a
    // shared one would let twenty wrong passwords lock everyone out); a rotating
    // header buys nothing, since no claimed address is ever counted or believed.
    const start = await lastId();
    for (let i = 0; i < 25; i++) expect((await attempt(`rotating.${i}`, "wrong-password-123", `198.51.100.${i}`)).ok).toBe(false);
    expect(await attempt("school2.admin", DEMO_PASSWORD, "198.51.100.201")).toMatchObject({ ok: true });
    const rows = await db.prisma.auditEvent.findMany({ where: { id: { gt: start } }, select: { ip: true } });
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.every((r) => r.ip === null)).toBe(true);
    expect(await db.prisma.signInThrottle.count({ where: { OR: [{ key: { startsWith: "ip:198.51.100." } }, { key: { in: ["ip:unknown", "ip:null"] } }] } })).toBe(0);
    // The per-login limit still holds for the attacker's guesses against one account.
    for (let i = 0; i < 5; i++) await attempt("school.admin", "wrong-password-123", `198.51.100.${50 + i}`);
    expect(await attempt("school.admin", DEMO_PASSWORD, "198.51.100.99")).toEqual({ ok: false, error: "locked" });

    // Behind trusted proxies: whatever the client puts on the left, the address its proxy saw counts.
    const proxies = parseTrustedProxies("10.0.0.0/8");
    for (let i = 0; i < 19; i++) {
      expect((await attempt(`behind.${i}`, "wrong-password-123", `198.51.100.${i}, 203.0.113.9, 10.0.0.1`, proxies)).ok).toBe(false);
    }
    expect(await attempt("behind.last", "wrong-password-123", "=HYPERLINK(\"x\"), 203.0.113.9, 10.0.0.1", proxies)).toEqual({ ok: false, error: "too_many_attempts" });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "auth.ip.limited", ip: "203.0.113.9" });
    // Another client behind the same proxy is not affected.
    expect((await attempt("school2.admin", DEMO_PASSWORD, "203.0.113.10, 10.0.0.1", proxies)).ok).toBe(true);
  });
});
