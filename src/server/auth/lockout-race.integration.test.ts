// The lockout under concurrency: twenty parallel wrong attempts at one
// account get at most five passwords (or codes) checked, not one per request
// in flight. Audit rows tell what was checked: `auth.login.failure` and
// `auth.second_factor.failure` are written only for an evaluated attempt, a
// refusal without a check is `auth.login.refused` or no row. PGlite runs
// queries one at a time, so the PostgreSQL run is the one that can race.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../../prisma/seed/demo-region";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { createCaller } from "../trpc/root";
import { signIn } from "./sign-in";
import { currentTotpCode } from "./totp";

const PARALLEL = 20;

describeDb("sign-in lockout under concurrency", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  const lastId = async () => (await db.prisma.auditEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;
  const countSince = (id: bigint, action: string, actorLogin: string) =>
    db.prisma.auditEvent.count({ where: { id: { gt: id }, action, actorLogin } });
  // Distinct addresses, so the address limit (20) plays no part.
  const burst = (login: string, password: string) =>
    Promise.all(Array.from({ length: PARALLEL }, (_, i) => signIn(db.prisma, { login, password }, `10.40.${i}.1`)));

  it("checks at most five passwords of twenty parallel wrong ones, then refuses the right one", async () => {
    const start = await lastId();
    const results = await burst("school.registrar", "wrong-password-123");
    const checked = await countSince(start, "auth.login.failure", "school.registrar");
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(await countSince(start, "auth.login.refused", "school.registrar")).toBe(PARALLEL - checked);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.error === "locked").length).toBe(PARALLEL - checked + 1);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    expect(await signIn(db.prisma, { login: "school.registrar", password: DEMO_PASSWORD }, "10.40.99.1")).toEqual({ ok: false, error: "locked" });
  });

  it("treats an unknown login the same way", async () => {
    const start = await lastId();
    const results = await burst("no.such.racer", "wrong-password-123");
    const checked = await countSince(start, "auth.login.failure", "no.such.racer");
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.error === "locked").length).toBe(PARALLEL - checked + 1);
  });

  it("checks at most five of twenty parallel wrong second-factor codes", async () => {
    const first = await signIn(db.prisma, { login: "edu.officer", password: DEMO_PASSWORD }, "10.41.0.1");
    if (!first.ok) throw new Error(`sign-in refused: ${first.error}`);
    const caller = createCaller({ db: db.prisma, claims: first.claims, ip: "10.41.0.1" });
    // A 6-digit code valid in none of the three accepted time steps.
    const valid = new Set([-30_000, 0, 30_000].map((d) => currentTotpCode(DEMO_TOTP_SECRET, Date.now() + d)));
    let wrong = 0;
    while (valid.has(String(wrong).padStart(6, "0"))) wrong++;
    const code = String(wrong).padStart(6, "0");

    const start = await lastId();
    const results = await Promise.allSettled(Array.from({ length: PARALLEL }, () => caller.account.verifySecondFactor({ code })));
    const checked = await countSince(start, "auth.second_factor.failure", "edu.officer");
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "edu.officer" } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    // Locked now: even the right code is refused without a check.
    await expect(caller.account.verifySecondFactor({ code: currentTotpCode(DEMO_TOTP_SECRET) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countSince(start, "auth.second_factor.failure", "edu.officer")).toBe(checked);
  });
});
