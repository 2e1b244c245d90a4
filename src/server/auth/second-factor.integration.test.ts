// The second factor against a real database: a password-only session gets
// no data, a TOTP code is accepted once, recovery codes are single-use,
// mandatory roles must enrol first, and SYSTEM_ADMIN can reset the factor.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../../prisma/seed/demo-region";
import { callerAs } from "../testing/callers";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { appRouter, createCaller } from "../trpc/root";
import { signIn } from "./sign-in";
import { currentTotpCode } from "./totp";

describeDb("second factor", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  async function passwordStep(login: string, password = DEMO_PASSWORD) {
    const result = await signIn(db.prisma, { login, password }, "10.9.0.1");
    if (!result.ok) throw new Error(`sign-in refused: ${result.error}`);
    return createCaller({ db: db.prisma, claims: result.claims, ip: "10.9.0.1" });
  }
  type Caller = Awaited<ReturnType<typeof passwordStep>>;

  /** Calls every procedure of the app; returns those that did not answer UNAUTHORIZED. */
  async function proceduresAnswering(caller: Caller): Promise<string[]> {
    const open: string[] = [];
    for (const path of Object.keys(appRouter._def.procedures)) {
      const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i?: unknown) => Promise<unknown>;
      try {
        await fn(undefined);
        open.push(path);
      } catch (error) {
        if ((error as { code?: string }).code !== "UNAUTHORIZED") open.push(path);
      }
    }
    return open.sort();
  }
  const SIGN_IN_STEPS = ["account.beginTotp", "account.confirmTotp", "account.gate", "account.verifySecondFactor"];

  it("gives a password-only officer session no data until the code; the code is accepted once", async () => {
    const first = await passwordStep("edu.officer");
    expect(await first.account.gate()).toEqual({ gate: "second_factor", login: "edu.officer" });
    // Nothing but the sign-in steps answers; everything else is UNAUTHORIZED.
    expect((await proceduresAnswering(first)).filter((p) => !SIGN_IN_STEPS.includes(p))).toEqual([]);

    const code = currentTotpCode(DEMO_TOTP_SECRET);
    await expect(first.account.verifySecondFactor({ code })).resolves.toEqual({ ok: true });
    await expect(first.session.me()).resolves.toMatchObject({ login: "edu.officer" });
    await expect(first.account.beginTotp()).rejects.toMatchObject({ code: "BAD_REQUEST" }); // already enrolled

    // The same code in another session within its time step is a replay.
    const second = await passwordStep("edu.officer");
    await expect(second.account.verifySecondFactor({ code })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "code" } });
    await expect(second.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The next step's code is new, so it is accepted.
    await expect(second.account.verifySecondFactor({ code: currentTotpCode(DEMO_TOTP_SECRET, Date.now() + 30_000) })).resolves.toEqual({ ok: true });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: { startsWith: "auth.second_factor" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["auth.second_factor.success", "auth.second_factor.failure", "auth.second_factor.success"]);
  });

  it("locks the account after five wrong codes", async () => {
    const caller = await passwordStep("auditor");
    for (let i = 0; i < 4; i++) await expect(caller.account.verifySecondFactor({ code: "000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.account.verifySecondFactor({ code: "000000" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Locked: even the right code is refused now, and so is the password step.
    await expect(caller.account.verifySecondFactor({ code: currentTotpCode(DEMO_TOTP_SECRET) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await signIn(db.prisma, { login: "auditor", password: DEMO_PASSWORD }, "10.9.0.2")).toEqual({ ok: false, error: "locked" });
  });

  it("lets a school user enrol (QR as SVG data URL), then sign in with a recovery code exactly once", async () => {
    const session = await passwordStep("school.admin");
    expect(await session.account.gate()).toMatchObject({ gate: "open" }); // optional for school roles
    const enrolment = await session.account.beginTotp();
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.admin" } });
    expect(stored.totpSecret).not.toContain(enrolment.secret); // encrypted at rest
    expect(stored.totpEnabledAt).toBeNull(); // not until confirmed

    await expect(session.account.confirmTotp({ code: "123456" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "code" } });
    const { recoveryCodes } = await session.account.confirmTotp({ code: currentTotpCode(enrolment.secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.prisma.recoveryCode.count({ where: { codeHash: { in: recoveryCodes } } })).toBe(0); // hashed
    await expect(session.session.me()).resolves.toMatchObject({ login: "school.admin" }); // the enrolling session stays in

    const next = await passwordStep("school.admin");
    expect(await next.account.gate()).toMatchObject({ gate: "second_factor" });
    await expect(next.account.verifySecondFactor({ code: recoveryCodes[0]!.toUpperCase() })).resolves.toEqual({ ok: true });
    const again = await passwordStep("school.admin");
    await expect(again.account.verifySecondFactor({ code: recoveryCodes[0]! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(again.account.verifySecondFactor({ code: recoveryCodes[1]! })).resolves.toEqual({ ok: true });
  });

  it("makes a mandatory role without a factor enrol before any data; SYSTEM_ADMIN's reset is audited", async () => {
    const admin = await callerAs(db.prisma, "sys.admin");
    const officer = await callerAs(db.prisma, "health.officer");
    const target = await db.prisma.user.findUniqueOrThrow({ where: { login: "health.officer" } });
    await expect(admin.admin.users.resetSecondFactor({ id: target.id })).resolves.toEqual({ ended: 1 });
    await expect(officer.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" }); // its session ended
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "user.second_factor.reset",
      actorLogin: "sys.admin",
      entityId: target.id,
    });

    const enrolling = await passwordStep("health.officer");
    expect(await enrolling.account.gate()).toMatchObject({ gate: "enrol" });
    expect((await proceduresAnswering(enrolling)).filter((p) => !SIGN_IN_STEPS.includes(p))).toEqual([]);
    await expect(enrolling.account.verifySecondFactor({ code: "123456" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { secret } = await enrolling.account.beginTotp();
    await enrolling.account.confirmTotp({ code: currentTotpCode(secret) });
    expect(await enrolling.account.gate()).toMatchObject({ gate: "open" });
    await expect(enrolling.health.organisationsByMunicipality()).resolves.toBeTruthy();
  });

  it("lets only SYSTEM_ADMIN reset a second factor: FORBIDDEN for every other role, NOT_FOUND outside the region", async () => {
    const target = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } });
    for (const login of ["school.admin", "school.registrar", "school2.admin", "edu.officer", "health.officer", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.admin.users.resetSecondFactor({ id: target.id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await callerAs(db.prisma, "sys.admin");
    await expect(admin.admin.users.resetSecondFactor({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
