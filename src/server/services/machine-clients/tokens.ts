// API tokens: `kt_<lookupId>_<secret>`. The lookup id finds the row; only the
// SHA-256 of the whole token is stored. A token has 256 bits of randomness, so
// a fast hash is enough (it is not a password that could be guessed).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_PREFIX = "kt_";
const TOKEN_SHAPE = /^kt_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedToken {
  token: string;
  lookupId: string;
  tokenHash: string;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomLookupId(): string {
  // 16 of 62 symbols; rejection-free bias is irrelevant for a public lookup id.
  return Array.from(randomBytes(16), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function issueToken(): IssuedToken {
  const lookupId = randomLookupId();
  const token = `${TOKEN_PREFIX}${lookupId}_${randomBytes(32).toString("base64url")}`;
  return { token, lookupId, tokenHash: hashToken(token) };
}

/** The lookup id of a well-formed token, or null. */
export function parseToken(token: string): { lookupId: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  return match ? { lookupId: match[1]! } : null;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
