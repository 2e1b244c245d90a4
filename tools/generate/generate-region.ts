// The synthetic region into an open, migrated database: demo region first
// (accounts, the first municipalities and organisations), then the planned
// rows with COPY in one transaction — all or nothing.
// Synthetic rows are not audited: no person read or wrote them.
import { seedDemoRegion } from "../../prisma/seed/demo-region";
import type { Db } from "../../src/server/db";
import { rebuildLearnerSummary } from "../../src/server/services/summary/learner-summary";
import type { BulkTarget } from "./copy";
import { planRegion, type ExistingRegion } from "./plan";
import { writeRegion } from "./write-region";

export interface GenerateOptions { learners: number; seed: number; gradeYears: number; postgres: boolean; log: (line: string) => void }

export async function generateRegion(bulk: BulkTarget, prisma: Db, o: GenerateOptions) {
  await seedDemoRegion(prisma);
  const [{ n }] = (await bulk.query(`SELECT count(*)::int AS n FROM "Learner"`)) as [{ n: number }];
  if (n > 0) throw new Error(`The database already holds ${n} learners: generate into a fresh database.`);
  const existing = await loadExisting(bulk);
  const [actor] = (await bulk.query(`SELECT id FROM "User" WHERE login = 'sys.admin'`)) as [{ id: string }];
  const t = Date.now();
  const plan = planRegion(existing, o.learners, o.seed);
  o.log(`Planned ${plan.municipalities.length} municipalities, ${plan.organisations.length} organisations, ${plan.programmes.length} programmes, ${plan.classes.length} classes in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  await bulk.query("BEGIN");
  try {
    if (o.postgres) await bulk.query("SET LOCAL synchronous_commit = off");
    // Bulk load like pg_restore: row-level triggers (foreign-key checks) are
    // skipped; the rows are consistent by construction (checked by the test).
    await bulk.query("SET LOCAL session_replication_role = replica");
    // Secondary indexes are dropped and rebuilt after the load: one sorted
    // build per index is far cheaper than millions of random insertions.
    const indexes = await dropSecondaryIndexes(bulk);
    const result = await writeRegion(bulk, plan, { seed: o.seed, gradeYears: o.gradeYears, actorId: actor.id, log: o.log });
    // The skipped triggers also keep the SNILS claims (uniqueness_claims migration).
    await bulk.query(`INSERT INTO "LearnerSnilsClaim" ("snilsIndex", "learnerId") SELECT "snilsIndex", "id" FROM "Learner" WHERE "snilsIndex" IS NOT NULL`);
    const rebuild = Date.now();
    if (o.postgres) await bulk.query("SET LOCAL maintenance_work_mem = '512MB'");
    for (const definition of indexes) await bulk.query(definition);
    o.log(`  rebuilt ${indexes.length} secondary indexes in ${((Date.now() - rebuild) / 1000).toFixed(1)} s`);
    result.seconds = (Date.now() - t) / 1000;
    await bulk.query("COMMIT");
    const a = Date.now();
    await bulk.query("ANALYZE");
    o.log(`Total: ${result.rows.toLocaleString("en")} rows in ${result.seconds.toFixed(1)} s (${Math.round(result.rows / result.seconds).toLocaleString("en")} rows/s); ANALYZE ${((Date.now() - a) / 1000).toFixed(1)} s.`);
    // The load skipped the triggers that queue the dashboards' summary: build it whole.
    const s = Date.now();
    const summarised = await rebuildLearnerSummary(prisma);
    await bulk.query(`ANALYZE "LearnerSummary"`);
    o.log(`Dashboards' summary: ${summarised.toLocaleString("en")} learners in ${((Date.now() - s) / 1000).toFixed(1)} s.`);
    return { plan, ...result };
  } catch (error) {
    await bulk.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

const BULK_TABLES = ["Learner", "Representative", "LearnerRepresentative", "Consent", "Enrolment", "Transfer", "MovementEvent", "HealthRecord", "Achievement", "ExamResult", "SubjectGrade", "LearnerChange", "AddressObject", "AddressHouse", "LearnerAddress", "TerritoryAssignment", "ResidentChild"];

/** Drops the indexes of the bulk-loaded tables that back no constraint; returns their definitions. */
async function dropSecondaryIndexes(db: BulkTarget): Promise<string[]> {
  const rows = (await db.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [BULK_TABLES],
  )) as { name: string; definition: string }[];
  for (const r of rows) await db.query(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.definition);
}

async function loadExisting(db: BulkTarget): Promise<ExistingRegion> {
  const [region] = (await db.query(`SELECT id FROM "Region" WHERE code = '99'`)) as [{ id: string }];
  const municipalities = (await db.query(`SELECT id, name, oktmo FROM "Municipality" WHERE "regionId" = $1 ORDER BY oktmo`, [region.id])) as ExistingRegion["municipalities"];
  const organisations = (await db.query(
    `SELECT o.id, o."municipalityId", o.type, o."shortName", o."fullName", o.inn, o.ogrn, o.kpp FROM "Organisation" o JOIN "Municipality" m ON m.id = o."municipalityId" WHERE m."regionId" = $1 ORDER BY o.inn`,
    [region.id],
  )) as ExistingRegion["organisations"];
  return { regionId: region.id, municipalities, organisations };
}
