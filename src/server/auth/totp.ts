// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) and recovery codes.
// Secrets are stored as field-crypto envelopes; a code is accepted once:
// the account remembers the last accepted time step and refuses any step up
// to it, so a code seen over someone's shoulder cannot be replayed.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { decryptField, encryptField } from "../crypto/field-crypto";
import type { DbTx } from "../db";

export const TOTP_SECRET_CONTEXT = "User.totpSecret";
export const TOTP_ISSUER = "Контингент";
export const RECOVERY_CODE_COUNT = 10;
const PERIOD = 30;

function totpOf(base32: string, login = "") {
  return new TOTP({ issuer: TOTP_ISSUER, label: login, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export const sealTotpSecret = (base32: string) => encryptField(base32, TOTP_SECRET_CONTEXT);
export const openTotpSecret = (envelope: string) => decryptField(envelope, TOTP_SECRET_CONTEXT);

/** The current code for a secret: for the demo tool and tests, never sent to a browser. */
export function currentTotpCode(base32: string, at = Date.now()): string {
  return totpOf(base32).generate({ timestamp: at });
}

/** The time step a code belongs to (one step of tolerance either way for clock drift), or null. */
export function matchTotpStep(base32: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(base32).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 1000 / PERIOD) + delta;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  /** An SVG data URL made on the server: no external QR service sees the secret. */
  qrDataUrl: string;
}

export async function enrolmentFor(base32: string, login: string): Promise<Enrolment> {
  const otpauthUri = totpOf(base32, login).toString();
  const svg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret: base32, otpauthUri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * Accepts a code for the account once: the step is claimed with a conditional
 * update, so two concurrent requests with the same code cannot both pass.
 */
export async function consumeTotpCode(tx: DbTx, userId: string, base32: string, code: string): Promise<boolean> {
  const step = matchTotpStep(base32, code);
  if (step === null) return false;
  const { count } = await tx.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { totpLastStep: BigInt(step) },
  });
  return count === 1;
}

// Recovery codes: 10 random characters from an alphabet without look-alikes,
// shown as xxxxx-xxxxx; about 50 bits each, so SHA-256 is enough to store them.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export const hashRecoveryCode = (code: string) => createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Replaces the account's recovery codes; returns the new plain codes (shown once). */
export async function issueRecoveryCodes(tx: DbTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Uses up one recovery code; false when unknown or already used. */
export async function consumeRecoveryCode(tx: DbTx, userId: string, code: string): Promise<boolean> {
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
