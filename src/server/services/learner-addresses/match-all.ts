// `npm run addresses:match`: every learner address not final (no row yet, a
// text changed, or not matched to a house) parsed and resolved again, after a
// new directory load or for the free-text addresses a registry held before
// issue 22. In batches, each its own transaction, so a region-wide run never
// holds one long transaction; then the list of addresses still without a house,
// per organisation, for the operator's report.
import type { AuditActor } from "../../audit/recorder";
import { recordAudit } from "../../audit/recorder";
import type { Db } from "../../db";
import { syncLearnerAddresses, type SyncCounts } from "./sync";

export const MATCH_BATCH = 2000;

/** Learners after `after` (by id) with an address whose row is missing, stale or not final. */
async function nextBatch(db: Db, after: string, size: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT l."id" FROM "Learner" l
    WHERE l."id" > ${after}::uuid AND EXISTS (
      SELECT 1 FROM (VALUES ('RESIDENCE', l."registrationAddress"), ('STAY', l."stayAddress"), ('ACTUAL', l."actualAddress")) AS t(kind, text)
      LEFT JOIN "LearnerAddress" a ON a."learnerId" = l."id" AND a."kind"::text = t.kind
      WHERE (nullif(btrim(t.text), '') IS NOT NULL AND (a."learnerId" IS NULL OR a."sourceText" IS DISTINCT FROM btrim(t.text) OR a."match"::text NOT IN ('HOUSE', 'MANUAL')))
         OR (nullif(btrim(t.text), '') IS NULL AND a."learnerId" IS NOT NULL))
    ORDER BY l."id" LIMIT ${size}`;
  return rows.map((r) => r.id);
}

export interface MatchRun extends SyncCounts {
  learners: number;
}

export async function matchAllLearnerAddresses(db: Db, options: { batch?: number; onBatch?: (run: MatchRun) => void } = {}): Promise<MatchRun> {
  const run: MatchRun = { learners: 0, resolved: { HOUSE: 0, STREET: 0, UNMATCHED: 0, MANUAL: 0 }, kept: 0, removed: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const ids = await nextBatch(db, after, options.batch ?? MATCH_BATCH);
    if (ids.length === 0) break;
    const counts = await db.$transaction((tx) => syncLearnerAddresses(tx, ids), { maxWait: 30_000, timeout: 10 * 60_000 });
    run.learners += ids.length;
    run.kept += counts.kept;
    run.removed += counts.removed;
    for (const match of Object.keys(run.resolved) as (keyof MatchRun["resolved"])[]) run.resolved[match] += counts.resolved[match];
    options.onBatch?.(run);
    after = ids[ids.length - 1]!;
  }
  return run;
}

export interface UnmatchedReportRow {
  organisationId: string;
  organisation: string;
  learnerId: string;
  kind: string;
  match: string;
  text: string;
}

/**
 * Addresses still without a house, by the organisation holding the learner (a
 * learner held nowhere is listed under an empty organisation): the learner's
 * id, never a name — the school finds the card by it.
 */
export async function unmatchedReport(db: Db): Promise<UnmatchedReportRow[]> {
  return db.$queryRaw<UnmatchedReportRow[]>`
    SELECT coalesce(o."id"::text, '') AS "organisationId", coalesce(o."shortName", '') AS "organisation",
      a."learnerId"::text AS "learnerId", a."kind"::text AS "kind", a."match"::text AS "match", coalesce(a."sourceText", '') AS "text"
    FROM "LearnerAddress" a
    LEFT JOIN LATERAL (
      SELECT e."organisationId" FROM "Enrolment" e
      WHERE e."learnerId" = a."learnerId" AND e."isBasic" AND e."cancelledAt" IS NULL AND e."status" IN ('ACTIVE', 'PENDING_TRANSFER')
      ORDER BY e."enrolledAt" DESC LIMIT 1) held ON true
    LEFT JOIN "Organisation" o ON o."id" = held."organisationId"
    WHERE a."match" IN ('UNMATCHED', 'STREET')
    ORDER BY o."shortName" NULLS LAST, a."learnerId", a."kind"`;
}

/** One audit row per run: the counts and the report's file name, no learner list (the run is region-wide). */
export async function auditMatchRun(db: Db, run: MatchRun, report: { file: string; rows: number }): Promise<void> {
  const actor: AuditActor = { id: null, login: "addresses:match", role: null, ip: null };
  await db.$transaction((tx) =>
    recordAudit(tx, actor, { action: "learner.address.match", details: { learners: run.learners, resolved: run.resolved, kept: run.kept, removed: run.removed, report } }),
  );
}

const FORMULA = /^[=+\-@\t\r]/;

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const REPORT_HEADER = ["organisationId", "organisation", "learnerId", "kind", "match", "text"] as const;

export function reportCsv(rows: UnmatchedReportRow[]): string {
  const lines = [REPORT_HEADER.join(","), ...rows.map((r) => REPORT_HEADER.map((k) => csvCell(r[k])).join(","))];
  // The BOM lets spreadsheet programs read the Cyrillic as UTF-8.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
