// Server environment, checked once: a missing or malformed variable is a
// clear start-up error instead of an `undefined` deep inside a request.
import { z } from "zod";

const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** postgresql://… for a server; unset or pglite:<dir> for the embedded database. */
  DATABASE_URL: z.string().optional(),
  /** Signs session tokens. At least 32 characters; `npm start` generates one into .data/. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** Public URL of the application, e.g. http://localhost:3000. */
  NEXTAUTH_URL: z.url().optional(),
  /** IANA time zone in which times are shown to users. */
  KONTINGENT_TIME_ZONE: z.string().default("Europe/Moscow"),
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid server environment (see README, "Environment variables"):\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
