// Server environment, checked once: a missing or malformed variable is a
// clear start-up error instead of an `undefined` deep inside a request.
import { z } from "zod";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/time-zone";
import { parseTrustedProxies } from "./auth/ip-address";

const ZServerEnvFields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** postgresql://… for a server; unset or pglite:<dir> for the embedded database. */
  DATABASE_URL: z.string().optional(),
  /** The tables' owner, for migrations, the seed and grants (PostgreSQL); unset: DATABASE_URL. The server itself never uses it. */
  DATABASE_OWNER_URL: z.string().optional(),
  /** Signs session tokens. At least 32 characters; `npm start` generates one into .data/. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** Public URL of the application, e.g. http://localhost:3000. */
  NEXTAUTH_URL: z.url().optional(),
  /** IANA time zone in which times are shown and exported and period filters' days are read. */
  KONTINGENT_TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, "KONTINGENT_TIME_ZONE must be an IANA time zone name such as Europe/Moscow"),
  /** Minutes between scheduled audit-chain verifications inside the server; 0 disables them. */
  /** Minutes the ministry's data-quality counts may be old before they are recounted (also the background recount interval); 0 recounts on every read. */
  KONTINGENT_QUALITY_MAX_AGE_MINUTES: z.coerce
    .number({ error: "KONTINGENT_QUALITY_MAX_AGE_MINUTES must be a whole number of minutes (0 recounts on every read)" })
    .int("KONTINGENT_QUALITY_MAX_AGE_MINUTES must be a whole number of minutes (0 recounts on every read)")
    .min(0)
    .max(1_440)
    .default(15),
  /** Seconds between background flushes of the dashboards' per-learner summary; 0 leaves it to the readers. */
  KONTINGENT_SUMMARY_FLUSH_SECONDS: z.coerce
    .number({ error: "KONTINGENT_SUMMARY_FLUSH_SECONDS must be a whole number of seconds (0 disables)" })
    .int("KONTINGENT_SUMMARY_FLUSH_SECONDS must be a whole number of seconds (0 disables)")
    .min(0)
    .max(86_400)
    .default(30),
  KONTINGENT_AUDIT_VERIFY_INTERVAL_MINUTES: z.coerce
    .number({ error: "KONTINGENT_AUDIT_VERIFY_INTERVAL_MINUTES must be a whole number of minutes (0 disables)" })
    .int("KONTINGENT_AUDIT_VERIFY_INTERVAL_MINUTES must be a whole number of minutes (0 disables)")
    .min(0)
    .max(10_080)
    .default(60),
  /** Roles that see HEALTH as aggregates only never see a health count from 1 to this − 1 (docs/domain.md, "Small numbers"); at least 2. */
  KONTINGENT_SMALL_CELL_THRESHOLD: z.coerce
    .number({ error: "KONTINGENT_SMALL_CELL_THRESHOLD must be a whole number, at least 2" })
    .int("KONTINGENT_SMALL_CELL_THRESHOLD must be a whole number, at least 2")
    .min(2, "KONTINGENT_SMALL_CELL_THRESHOLD must be at least 2: below it nothing would be hidden")
    .max(100)
    .default(5),
  /** Field-encryption keys (src/server/crypto/keys.ts); outside production a per-checkout file stands in. */
  KONTINGENT_DATA_KEYS: z.string().optional(),
  KONTINGENT_INDEX_KEY: z.string().optional(),
  /** Base64 of 32 bytes: signs the audit chain's checkpoints (src/server/audit/anchor.ts); the database must not hold it. */
  KONTINGENT_AUDIT_ANCHOR_KEY: z.string().optional(),
  /** Optional file to which every audit checkpoint is also appended (one JSON line each), outside the database. */
  KONTINGENT_AUDIT_ANCHOR_FILE: z.string().optional(),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: comma-separated
   * addresses or CIDR ranges. Empty: the client address is unknown
   * (docs/security.md, "Sign-in, second factor and sessions").
   */
  KONTINGENT_TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((spec, ctx) => {
      try {
        parseTrustedProxies(spec);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `KONTINGENT_TRUSTED_PROXIES: ${(error as Error).message}` });
      }
    }),
});

const ZServerEnv = ZServerEnvFields.superRefine((env, ctx) => {
  if (env.NODE_ENV !== "production") return;
  for (const name of ["KONTINGENT_DATA_KEYS", "KONTINGENT_INDEX_KEY", "KONTINGENT_AUDIT_ANCHOR_KEY"] as const) {
    if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: `${name} must be set in production (docs/security.md, "Encryption at rest")` });
  }
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

let cached: ServerEnv | undefined;

function invalid(lines: string[]): Error {
  return new Error(`Invalid server environment (see docs/operations.md, "Environment variables"):\n${lines.join("\n")}`);
}

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnv.safeParse(process.env);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`));
  cached = parsed.data;
  return cached;
}

/**
 * One variable, checked by its own schema and read afresh on every call. For
 * code that also runs in the command-line tools (migrations, backup, key
 * rotation, audit verification), which do not carry the server's other
 * variables (NEXTAUTH_SECRET) and must not be refused for lacking them; and
 * for tests that change a variable between calls. Production refusals that
 * depend on NODE_ENV stay with the caller, as they did.
 */
export function envValue<K extends keyof ServerEnv>(name: K): ServerEnv[K] {
  const raw = process.env[name];
  // Read afresh, checked once per value: some are read for every date shown (the time zone).
  const known = checkedValues.get(name);
  if (known && known.raw === raw) return known.value as ServerEnv[K];
  const parsed = ZServerEnvFields.shape[name].safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `  ${name}: ${i.message}`));
  checkedValues.set(name, { raw, value: parsed.data });
  return parsed.data as ServerEnv[K];
}

const checkedValues = new Map<string, { raw: string | undefined; value: unknown }>();
