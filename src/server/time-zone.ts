// The configured time zone for server code that must not depend on the whole
// server environment (exports and reports run in tests without secrets).
// The variable's own schema in env.ts: the check the start-up runs, default included.
import { envValue } from "./env";

export function serverTimeZone(): string {
  return envValue("KONTINGENT_TIME_ZONE");
}
