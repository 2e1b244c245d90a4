// TOTP codes for the demo accounts in browser tests, from the published demo
// secret with the same library the server uses. A code is accepted once per
// account and 30-second step, so the last step used per login is kept in a
// file (setup and specs may run in different processes) and a second sign-in
// within the same step waits for the next one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Secret, TOTP } from "otpauth";

/** DEMO ONLY: the seed's DEMO_TOTP_SECRET (prisma/seed/demo-region.ts), published in the README. */
export const DEMO_TOTP_SECRET = "KONTINGENTDEMOTOTPDEMOONLYSECRET";
export const TOTP_LOGINS: ReadonlySet<string> = new Set(["edu.officer", "mun.officer", "health.officer", "sys.admin", "auditor"]);

const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(DEMO_TOTP_SECRET) });
const stepsFile = path.join(os.tmpdir(), `kontingent-e2e-totp-${process.env.E2E_PORT ?? 3100}.json`);
const stepOf = (ms: number) => Math.floor(ms / 30_000);

function usedSteps(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stepsFile, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/** A code for `login` that this account has not used yet (waits up to 30 s for a new step). */
export async function freshTotpCode(login: string): Promise<string> {
  const last = usedSteps()[login] ?? -1;
  while (stepOf(Date.now()) <= last) await new Promise((r) => setTimeout(r, 500));
  const now = Date.now();
  fs.writeFileSync(stepsFile, JSON.stringify({ ...usedSteps(), [login]: stepOf(now) }));
  return totp.generate({ timestamp: now });
}

export function totpCodeFor(secretBase32: string): string {
  return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) }).generate();
}
