// Checks the live catalog against the distribution plan (./distribution.ts)
// with the rules Citus enforces when a table is distributed:
// - every PRIMARY KEY and UNIQUE index of a distributed table includes its
//   distribution column (otherwise uniqueness would need all shards);
// - a foreign key from a distributed table goes to a reference table, or to a
//   co-located distributed table with the distribution columns at the same
//   position on both sides; never to a coordinator-only table;
// - such a foreign key that includes the distribution column neither sets it
//   to NULL/DEFAULT on delete nor cascades/sets it on update;
// - no foreign key from a reference or coordinator-only table to a
//   distributed one.
// Tables marked "not ready" are checked too; their problems are reported, not
// failed, and a not-ready table without problems is a failure (mark it ready).
import {
  COORDINATOR_ONLY,
  DISTRIBUTED_BY_LEARNER,
  REFERENCE,
  type LearnerDistributedTable,
  type TableRole,
} from "./distribution";
import type { SqlConnection } from "./sql";

export interface DistributionPlan {
  distributed: readonly LearnerDistributedTable[];
  reference: readonly { table: string }[];
  coordinator: readonly { table: string; mayBeAbsent?: boolean }[];
}

export const PLAN: DistributionPlan = { distributed: DISTRIBUTED_BY_LEARNER, reference: REFERENCE, coordinator: COORDINATOR_ONLY };

export interface DistributionReport {
  /** Broken rules: the test fails on any. */
  failures: string[];
  /** Tables marked not ready, with the reason given and what the catalog shows. */
  notReady: { table: string; reason: string; problems: string[] }[];
}

interface UniqueIndexRow {
  table: string;
  index: string;
  columns: string[];
}

interface ForeignKeyRow {
  name: string;
  table: string;
  referenced: string;
  columns: string[];
  referencedColumns: string[];
  onUpdate: string;
  onDelete: string;
}

const SCHEMA_TABLES = `
  SELECT c.relname AS name FROM pg_class c
   WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`;

// Key columns in index order, as text[] (parsed the same by pg and PGlite).
const UNIQUE_INDEXES = `
  SELECT t.relname AS "table", i.relname AS "index",
         ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, pos)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.pos) AS columns
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
   WHERE t.relnamespace = current_schema()::regnamespace AND ix.indisunique`;

const FOREIGN_KEYS = `
  SELECT con.conname AS name, t.relname AS "table", r.relname AS referenced,
         con.confupdtype::text AS "onUpdate", con.confdeltype::text AS "onDelete",
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, pos)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.pos) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, pos)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.pos) AS "referencedColumns"
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
   WHERE con.contype = 'f' AND t.relnamespace = current_schema()::regnamespace`;

/** pg_constraint action codes Citus refuses on a foreign key that includes the distribution column. */
const REFUSED_ON_DELETE: Record<string, string> = { n: "SET NULL", d: "SET DEFAULT" };
const REFUSED_ON_UPDATE: Record<string, string> = { c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function checkDistribution(sql: SqlConnection, plan: DistributionPlan = PLAN): Promise<DistributionReport> {
  const tables = (await sql.query<{ name: string }>(SCHEMA_TABLES)).map((r) => r.name);
  const uniques = await sql.query<UniqueIndexRow>(UNIQUE_INDEXES);
  const foreignKeys = await sql.query<ForeignKeyRow>(FOREIGN_KEYS);
  const failures: string[] = [];

  const roles = new Map<string, TableRole[]>();
  const listed: { table: string; role: TableRole; mayBeAbsent?: boolean }[] = [
    ...plan.distributed.map((t) => ({ table: t.table, role: "distributed" as const })),
    ...plan.reference.map((t) => ({ table: t.table, role: "reference" as const })),
    ...plan.coordinator.map((t) => ({ ...t, role: "coordinator" as const })),
  ];
  for (const { table, role } of listed) roles.set(table, [...(roles.get(table) ?? []), role]);
  for (const table of tables) {
    const found = roles.get(table) ?? [];
    if (found.length === 0) failures.push(`${table}: in no list of src/server/db/distribution.ts`);
    if (found.length > 1) failures.push(`${table}: in more than one list (${found.join(", ")})`);
  }
  for (const entry of listed) {
    if (!entry.mayBeAbsent && !tables.includes(entry.table)) failures.push(`${entry.table}: listed but not in the schema`);
  }

  const roleOf = (table: string) => roles.get(table)?.[0];
  const distColumn = new Map(plan.distributed.map((t) => [t.table, t.column]));
  const problemsOf = (t: LearnerDistributedTable): string[] => {
    const problems: string[] = [];
    for (const u of uniques.filter((u) => u.table === t.table)) {
      if (!u.columns.includes(t.column)) problems.push(`unique index ${u.index} (${u.columns.join(", ")}) lacks ${t.column}`);
    }
    for (const fk of foreignKeys.filter((f) => f.table === t.table)) {
      const target = roleOf(fk.referenced);
      const at = fk.columns.indexOf(t.column);
      if (target === "coordinator") problems.push(`foreign key ${fk.name} references coordinator-only ${fk.referenced}`);
      if (target === "distributed" && (at < 0 || fk.referencedColumns[at] !== distColumn.get(fk.referenced))) {
        problems.push(`foreign key ${fk.name} (${fk.columns.join(", ")}) -> ${fk.referenced} (${fk.referencedColumns.join(", ")}) is not on the distribution columns`);
      }
      if (at >= 0 && REFUSED_ON_DELETE[fk.onDelete]) problems.push(`foreign key ${fk.name}: ON DELETE ${REFUSED_ON_DELETE[fk.onDelete]}`);
      if (at >= 0 && REFUSED_ON_UPDATE[fk.onUpdate]) problems.push(`foreign key ${fk.name}: ON UPDATE ${REFUSED_ON_UPDATE[fk.onUpdate]}`);
    }
    return problems;
  };

  const notReady: DistributionReport["notReady"] = [];
  for (const t of plan.distributed) {
    if (!tables.includes(t.table)) continue;
    const problems = problemsOf(t);
    if (t.ready) failures.push(...problems.map((p) => `${t.table}: ${p}`));
    else if (problems.length === 0) failures.push(`${t.table}: marked not ready but the catalog shows no problem: mark it ready`);
    else notReady.push({ table: t.table, reason: t.reason, problems });
  }

  for (const fk of foreignKeys) {
    const from = roleOf(fk.table);
    if (from !== "distributed" && roleOf(fk.referenced) === "distributed") {
      failures.push(`${fk.table}: foreign key ${fk.name} from a ${from ?? "unlisted"} table to distributed ${fk.referenced}`);
    }
  }
  return { failures, notReady };
}
