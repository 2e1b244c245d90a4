// Password policy for every place a password is set: at least 12 characters
// and not a common password. The list is zxcvbn-ts's common-passwords
// dictionary (about 49,000 entries), shipped inside an npm package: checked
// offline, on the server only (it is too large for the browser bundle).
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MIN } from "@/lib/schemas/users";
import { badRequest } from "../errors";

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary as Record<string, string[]>)["passwords-common"] ?? []);
  return common;
}

/**
 * Also catches a common password padded to length with digits or symbols
 * ("qwerty123456789", "password!!!!!!"), the usual way round a length rule.
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  return list.has(lower) || (stripped.length > 0 && list.has(stripped));
}

/** The Russian message for a password that breaks the policy, or null. */
export function passwordPolicyError(password: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `Пароль должен быть не короче ${PASSWORD_MIN} символов`;
  if (isCommonPassword(password)) return "Этот пароль слишком распространён и есть в списках утечек — придумайте другой";
  return null;
}

/** Throws BAD_REQUEST on `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, field: string): void {
  const message = passwordPolicyError(password);
  if (message) throw badRequest(message, field);
}
