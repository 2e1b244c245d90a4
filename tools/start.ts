// `npm start`: the newcomer's one command. Migrates and seeds the configured
// database (embedded by default), builds, and serves on http://localhost:3000.
//   --skip-build   serve the existing build (used by the Playwright run)
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { localFieldKeys } from "../src/server/crypto/keys";
import { seedDemoRegion } from "../prisma/seed/demo-region";
import { openDatabase } from "../src/server/db";
import { encryptPendingIdentities } from "../src/server/services/learners/encrypt-pending";
import { applyMigrations } from "../src/server/db/migrate";
import { openSqlConnection } from "../src/server/db/sql";
import { describeTarget, resolveDatabaseTarget } from "../src/server/db/target";

const port = process.env.PORT ?? "3000";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
env.NEXTAUTH_SECRET ??= localSecret();
if (!env.KONTINGENT_DATA_KEYS || !env.KONTINGENT_INDEX_KEY) {
  // Field-encryption keys: per-checkout random file in .data/ unless set (production must set them).
  const local = localFieldKeys();
  env.KONTINGENT_DATA_KEYS ||= local.dataKeys;
  env.KONTINGENT_INDEX_KEY ||= local.indexKey;
}
// The audit anchor key likewise (generated into the same file outside production).
if (!env.KONTINGENT_AUDIT_ANCHOR_KEY && env.NODE_ENV !== "production") env.KONTINGENT_AUDIT_ANCHOR_KEY = localFieldKeys().anchorKey;

/** A per-checkout random secret in .data/, so a first run needs no setup. */
function localSecret(): string {
  const file = path.resolve(".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`Generated a session signing secret in ${file} (set NEXTAUTH_SECRET in production).`);
  }
  return fs.readFileSync(file, "utf8").trim();
}

const target = resolveDatabaseTarget(env.DATABASE_URL);
if (target.kind === "pglite") fs.mkdirSync(target.dataDir, { recursive: true });
console.log(`Database: ${describeTarget(target)}`);

// PGlite allows one process per data directory: close before the server opens it.
const sql = await openSqlConnection(target);
try {
  const { applied } = await applyMigrations(sql, { log: (msg) => console.log(msg) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations up to date.");
} finally {
  await sql.close();
}
const db = await openDatabase(target);
try {
  // Plaintext SNILS/document numbers parked by the encryption migration, if any.
  const encrypted = await encryptPendingIdentities(db.prisma);
  if (encrypted) console.log(`Encrypted identity fields of ${encrypted} existing row(s).`);
  await seedDemoRegion(db.prisma);
  console.log("Demo region present (demo accounts: see README).");
} finally {
  await db.close();
}

const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");
if (!process.argv.includes("--skip-build")) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Serving on ${env.NEXTAUTH_URL}`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
