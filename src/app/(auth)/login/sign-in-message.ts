// The text shown for a sign-in failure code, on the form (after signIn) and on
// the page (after a redirect to /login?error=…). The URL carries only a fixed
// code (src/server/http/sign-in-errors.ts), never an error's own text.
import type { Messages } from "@/lib/i18n";

export function signInMessage(m: Messages, code: string | null | undefined): string | null {
  if (!code) return null;
  const messages: Record<string, string> = {
    invalid_input: m.login.invalidInput,
    invalid_credentials: m.login.invalidCredentials,
    CredentialsSignin: m.login.invalidCredentials,
    locked: m.signInErrors.locked,
    too_many_attempts: m.signInErrors.tooManyAttempts,
    unavailable: m.login.unavailable,
  };
  // Anything else came from an older link or a hand-typed URL: the check could not run.
  return messages[code] ?? m.login.unavailable;
}
