// The configured time zone for server code that must not depend on the whole
// server environment (exports and reports run in tests without secrets).
// env.ts validates the same variable at start-up with the same check.
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/time-zone";

export function serverTimeZone(): string {
  const value = process.env.KONTINGENT_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(value)) throw new Error(`KONTINGENT_TIME_ZONE: unknown time zone "${value}" (an IANA name such as Europe/Moscow)`);
  return value;
}
