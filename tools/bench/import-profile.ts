// `npx tsx tools/bench/import-profile.ts [--rows 100000] [--commit] [--no-user-triggers | --no-row-checks]`
// Where the time of a large CSV import goes, phase by phase, on the database
// in DATABASE_URL (a generated region): decode and parse, row validation (zod),
// the registry lookups of the plan, encryption, the inserts per table (each
// timed with its triggers), the audit record and the commit. The phases are
// the service's own functions, called in the order importLearners calls them.
// Without --commit the transaction is rolled back, so runs can be repeated on
// the same data; --no-user-triggers disables the tables' own triggers (change
// log, search key; not the foreign keys) inside that rolled-back transaction,
// which attributes their share; --no-row-checks goes further, as pg_restore
// does (session_replication_role = replica: no trigger at all, so no
// foreign-key check either; superuser only, rolled back), which measures what
// the database's per-row integrity checks cost. Neither is a way to import.
import { parseArgs } from "node:util";
import { loadActor } from "../../src/server/auth/actor";
import { auditActorOf, recordAudit } from "../../src/server/audit/recorder";
import { openDatabase } from "../../src/server/db";
import { resolveDatabaseTarget } from "../../src/server/db/target";
import { assertOrganisationOpen } from "../../src/server/services/movement/record-event";
import { mapHeader } from "../../src/server/services/learners/import/columns";
import { importSteps, writeStep } from "../../src/server/services/learners/import/apply-import";
import { planImport, type ValidRow } from "../../src/server/services/learners/import/plan-import";
import { readRows } from "../../src/server/services/learners/import/read-file";
import { rowToInput } from "../../src/server/services/learners/import/row-to-input";
import { signedInClaims } from "../../src/server/testing/sessions";
import { importCsv } from "./import-and-load";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    commit: { type: "boolean", default: false },
    "no-user-triggers": { type: "boolean", default: false },
    "no-row-checks": { type: "boolean", default: false },
    "snils-offset": { type: "string", default: String(60_000_000 + (Date.now() % 1_000_000) * 10) },
  },
});
const ROWS = Number(args.rows);
const timings: [string, number][] = [];
async function timed<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await run();
  timings.push([label, performance.now() - start]);
  return result;
}

const target = resolveDatabaseTarget();
const handle = await openDatabase(target);
const db = handle.prisma;
class Rollback extends Error {}
try {
  const actor = (await loadActor(db, await signedInClaims(db, "school.admin")))!;
  if (actor.scope.kind !== "ORGANISATION") throw new Error("school.admin must be an organisation account");
  const { organisationId, regionId } = actor.scope;
  const [{ n }] = await db.$queryRawUnsafe<[{ n: number }]>(`SELECT count(*)::int AS n FROM "Learner"`);
  const file = new Uint8Array(Buffer.from(importCsv(ROWS, Number(args["snils-offset"])), "utf8"));
  console.log(`Import profile: ${ROWS.toLocaleString("en")} rows (${(file.byteLength / 2 ** 20).toFixed(1)} MB CSV) into ${n.toLocaleString("en")} learners, ${args.commit ? "commit" : "rolled back"}${args["no-user-triggers"] ? ", user triggers disabled" : ""}${args["no-row-checks"] ? ", no triggers or foreign-key checks" : ""}`);
  const started = performance.now();

  const sheet = await timed("read: decode + CSV parse", () => readRows(file, "bench.csv"));
  const columns = mapHeader(sheet.header);
  const valid = await timed("validate: rowToInput (zod)", () => {
    const out: ValidRow[] = [];
    for (const { row, cells } of sheet.rows) {
      const parsed = rowToInput(cells, columns, row);
      if (!parsed.input) throw new Error(`row ${row}: ${JSON.stringify(parsed.issues)}`);
      out.push({ row, input: parsed.input });
    }
    return out;
  });

  let commitStart = 0;
  await db
    .$transaction(
      async (tx) => {
        if (args["no-user-triggers"]) {
          for (const table of ["Learner", "Enrolment", "Representative", "LearnerRepresentative", "Consent", "MovementEvent"]) {
            await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
          }
        }
        if (args["no-row-checks"]) {
          if (args.commit) throw new Error("--no-row-checks is a measurement: it cannot commit");
          await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
        }
        await assertOrganisationOpen(tx, organisationId);
        const plan = await timed("plan: registry lookups + decisions", () => planImport(tx, organisationId, regionId, valid));
        if (plan.errors.length) throw new Error(`plan errors: ${JSON.stringify(plan.errors.slice(0, 3))}`);
        const steps = await timed("encrypt + build rows", () => importSteps(plan, actor.id));
        for (const step of steps) await timed(`insert ${step.table} (${step.rows.length.toLocaleString("en")} rows)`, () => writeStep(tx, step));
        await timed("audit record", () =>
          recordAudit(tx, auditActorOf(actor, null), { action: "learner.import", entityType: "Organisation", entityId: organisationId, details: { mode: "profile", rows: ROWS } }),
        );
        if (!args.commit) throw new Rollback();
        commitStart = performance.now();
      },
      { maxWait: 30_000, timeout: 30 * 60_000 },
    )
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  if (args.commit) timings.push(["commit", performance.now() - commitStart]);

  const total = performance.now() - started;
  for (const [label, ms] of timings) console.log(`  ${label.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${((100 * ms) / total).toFixed(1).padStart(5)} %`);
  console.log(`  ${"total".padEnd(48)} ${(total / 1000).toFixed(2).padStart(7)} s  = ${Math.round(ROWS / (total / 1000)).toLocaleString("en")} rows/s`);
} finally {
  await handle.close();
}
