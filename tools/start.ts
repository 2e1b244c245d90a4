// `npm start`: the newcomer's one command. Migrates and seeds the configured
// database (embedded by default; on a first run with the demo learners),
// builds, and serves on http://localhost:3000.
//   --skip-build   serve the existing build (used by the Playwright run)
//   --empty        no demo learners (also KONTINGENT_DEMO_DATA=off; tools/demo/demo-data-choice.ts)
import { spawn, spawnSync } from "node:child_process";
import readline from "node:readline";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { localFieldKeys } from "../src/server/crypto/keys";
import { seedDemoAddresses } from "../prisma/seed/demo-addresses";
import { seedDemoRegion } from "../prisma/seed/demo-region";
import { demoDataChoice } from "./demo/demo-data-choice";
import { seedDemoLearners } from "./demo/demo-learners";
import { openBulkDatabase } from "./generate/open-bulk";
import { encryptPendingIdentities } from "../src/server/services/learners/encrypt-pending";
import { applyMigrations } from "../src/server/db/migrate";
import { openSqlConnection } from "../src/server/db/sql";
import { appRoleFromUrls, ensureAppRole, grantAppRole } from "../src/server/db/app-role";
import { describeTarget, resolveDatabaseTarget, resolveOwnerTarget } from "../src/server/db/target";

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
// Migrations and the seed run as the tables' owner; with DATABASE_OWNER_URL
// set, the server connects as DATABASE_URL's role, which owns nothing
// (docs/operations.md, "Using PostgreSQL"). Unset: one role, as before.
const owner = resolveOwnerTarget(env);
const appRole = appRoleFromUrls(env.DATABASE_URL, env.DATABASE_OWNER_URL);
if (owner.kind === "pglite") fs.mkdirSync(owner.dataDir, { recursive: true });
console.log(`Database: ${describeTarget(target)}${appRole ? ` as ${appRole} (migrations as the owner)` : ""}`);

// PGlite allows one process per data directory: close before the server opens it.
const sql = await openSqlConnection(owner);
try {
  const { applied, definitions } = await applyMigrations(sql, { log: (msg) => console.log(msg) });
  const changes = [applied.length && `${applied.length} migration(s)`, definitions.length && `${definitions.length} definition file(s)`].filter(Boolean);
  console.log(changes.length ? `Applied ${changes.join(" and ")}.` : "Migrations up to date.");
  if (appRole) {
    // The role logs in with DATABASE_URL's password (none: trust or peer authentication).
    const password = decodeURIComponent(new URL(env.DATABASE_URL!).password) || null;
    if (await ensureAppRole(sql, appRole, { password })) console.log(`Created the application role ${appRole}.`);
    await grantAppRole(sql, appRole);
    console.log(`Privileges of ${appRole} granted (it owns nothing: the audit tables are read and append only).`);
  }
} finally {
  await sql.close();
}
// The server never needs the owner's credentials: keep them out of its environment.
delete env.DATABASE_OWNER_URL;
delete env.DATABASE_APP_PASSWORD;
const demo = demoDataChoice(process.argv, env, owner);
const db = await openBulkDatabase(owner);
try {
  // Plaintext SNILS/document numbers parked by the encryption migration, if any.
  const encrypted = await encryptPendingIdentities(db.prisma);
  if (encrypted) console.log(`Encrypted identity fields of ${encrypted} existing row(s).`);
  await seedDemoRegion(db.prisma);
  console.log("Demo region present (demo accounts: see README).");
  // The demo region's synthetic ГАР extract, only into an empty directory: a loaded real one is never replaced.
  if (await seedDemoAddresses(db.prisma)) console.log("Demo address directory loaded (synthetic ГАР extract, docs/addresses.md).");
  if (demo.seed) {
    const outcome = await seedDemoLearners(db.bulk, db.prisma, { postgres: db.postgres, log: (line) => console.log(line) });
    if (!outcome.seeded) console.log(`No demo learners written: ${outcome.reason}.`);
  } else {
    console.log(`No demo learners: ${demo.why}.`);
  }
} finally {
  await db.close();
}

const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");
if (!process.argv.includes("--skip-build")) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Next prints a Network address too; opened there, every call would be
// refused as coming from a foreign origin (only NEXTAUTH_URL and, for a
// loopback one, its other loopback names are ours): print the one to open.
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: ["inherit", "pipe", "inherit"], env });
readline.createInterface({ input: server.stdout! }).on("line", (line) => {
  if (/^\s*-\s*Network:/.test(line)) return;
  console.log(line);
  if (/\bReady\b/.test(line)) console.log(`\n  Откройте в браузере / Open in your browser: ${env.NEXTAUTH_URL}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
