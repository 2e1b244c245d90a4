// Credential check. Every attempt, successful or not, is audited in the same
// transaction as the account's counters. The caller learns only "signed in"
// or "refused": the reason is for the audit log, not for the person typing.
import { ZSignInInput } from "@/lib/schemas/auth";
import { recordAudit } from "../audit/recorder";
import type { Db } from "../db";
import { burnPasswordCheck, verifyPassword } from "./password";
import type { SessionClaims } from "./actor";

export type SignInResult =
  | { ok: true; claims: SessionClaims }
  | { ok: false; error: "invalid_input" | "invalid_credentials" };

export type FailureReason = "unknown_login" | "wrong_password" | "inactive" | "invalid_input";

export async function signIn(db: Db, raw: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) {
    // Not audited with the login: an oversized or empty field is not an
    // attempt on an account, and its text may be anything.
    return { ok: false, error: "invalid_input" };
  }
  const { login, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { login },
    select: { id: true, login: true, role: true, passwordHash: true, active: true, sessionVersion: true },
  });

  let reason: FailureReason | null = null;
  if (!user) {
    await burnPasswordCheck(password);
    reason = "unknown_login";
  } else if (!(await verifyPassword(user.passwordHash, password))) {
    reason = "wrong_password";
  } else if (!user.active) {
    reason = "inactive";
  }

  return db.$transaction(async (tx) => {
    const actor = { id: user?.id ?? null, login: user?.login ?? login, role: user?.role ?? null, ip };
    if (reason || !user) {
      if (user) await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
      await recordAudit(tx, actor, { action: "auth.login.failure", outcome: "FAILURE", details: { reason } });
      return { ok: false, error: "invalid_credentials" } as const;
    }
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lastLoginAt: new Date() } });
    await recordAudit(tx, actor, { action: "auth.login.success" });
    return { ok: true, claims: { userId: user.id, sessionVersion: user.sessionVersion } } as const;
  });
}

export async function recordSignOut(db: Db, claims: SessionClaims | null, ip: string | null): Promise<void> {
  if (!claims) return;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: claims.userId }, select: { login: true, role: true } });
    await recordAudit(tx, { id: claims.userId, login: user?.login ?? null, role: user?.role ?? null, ip }, {
      action: "auth.logout",
    });
  });
}
