// The ГИА results import (issue 21): an exam centre's (РЦОИ) results file,
// checked row by row (cells, then the registry), then written all or nothing
// in one transaction with one audit row. A dry run writes no result but is
// audited like the commit, as the learner import's dry run is: it reads the
// registry by SNILS and shows the learners it found (names and schools).
// Re-importing the same file changes nothing; a changed score replaces the
// stored one (plan.ts says how and why).
import type { GiaImportResult, GiaRowOutcome } from "@/lib/schemas/gia-import";
import { todayIn } from "@/lib/time-zone";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canImportGiaResults } from "../../authz/permissions";
import type { Db } from "../../db";
import { conflict, forbidden } from "../../errors";
import { serverTimeZone } from "../../time-zone";
import type { Sheet } from "../learners/import/read-file";
import { isUniqueViolation } from "../movement/record-event";
import { mapGiaHeader } from "./columns";
import { loadCandidates } from "./match-learners";
import { parseGiaRow, type GiaRow } from "./parse-row";
import { issueOutcome, loadStoredExams, planGiaImport, type GiaSubjectInfo } from "./plan";

/** Problem rows listed at most, and other rows at most: the counts are always exact. */
export const MAX_LISTED_PROBLEMS = 1000;
export const MAX_LISTED_OTHERS = 2000;
/** A 100,000-row commit on a slow machine must not hit Prisma's 5-second default. */
const TRANSACTION = { maxWait: 30_000, timeout: 15 * 60_000 };
const INSERT_CHUNK = 1000;
const PROBLEMS = new Set(["error", "unmatched", "ambiguous"]);

export interface GiaImportOptions {
  commit: boolean;
  fileName: string;
  ip: string | null;
}

function listed(outcomes: GiaRowOutcome[]): { items: GiaRowOutcome[]; notListed: number } {
  const problems = outcomes.filter((o) => PROBLEMS.has(o.status)).slice(0, MAX_LISTED_PROBLEMS);
  const others = outcomes.filter((o) => !PROBLEMS.has(o.status)).slice(0, MAX_LISTED_OTHERS);
  return { items: [...problems, ...others].sort((a, b) => a.row - b.row), notListed: outcomes.length - problems.length - others.length };
}

export async function importGiaResults(db: Db, actor: Actor, sheet: Sheet, options: GiaImportOptions): Promise<GiaImportResult> {
  // The same check as the upload route's door; the scope test again narrows the type.
  if (!canImportGiaResults(actor) || actor.scope.kind === "ORGANISATION") throw forbidden();
  const columns = mapGiaHeader(sheet.header);
  const thisYear = Number(todayIn(serverTimeZone()).slice(0, 4));

  try {
    return await db.$transaction(async (tx) => {
      const subjects = new Map<number, GiaSubjectInfo>(
        (await tx.giaSubject.findMany({ select: { code: true, name: true, subjectId: true } })).map((g) => [g.code, { name: g.name, subjectId: g.subjectId }]),
      );
      const codes = new Set(subjects.keys());
      const outcomes: GiaRowOutcome[] = [];
      const valid: GiaRow[] = [];
      for (const { row, cells } of sheet.rows) {
        const parsed = parseGiaRow(cells, columns, row, codes, thisYear);
        if ("value" in parsed) valid.push(parsed.value);
        else outcomes.push(issueOutcome(row, parsed.issues));
      }
      const candidates = await loadCandidates(tx, valid.map((r) => r.snils));
      const learnerIds = [...new Set([...candidates.values()].flat().map((c) => c.id))];
      const stored = await loadStoredExams(tx, learnerIds);
      const plan = planGiaImport(valid, candidates, stored, subjects, actor.scope, actor.id);
      outcomes.push(...plan.outcomes);

      const count = (status: string) => outcomes.filter((o) => o.status === status).length;
      const errorCount = outcomes.filter((o) => PROBLEMS.has(o.status)).length;
      const committed = options.commit && errorCount === 0;
      if (committed) {
        for (let i = 0; i < plan.creates.length; i += INSERT_CHUNK) {
          await tx.examResult.createMany({ data: plan.creates.slice(i, i + INSERT_CHUNK) as never });
        }
        for (const { learnerId, id, data } of plan.updates) {
          await tx.examResult.update({ where: { learnerId_id: { learnerId, id } }, data: data as never });
        }
      }
      const result: GiaImportResult = {
        committed,
        rows: sheet.rows.length,
        added: count("add"),
        updated: count("update"),
        unchanged: count("unchanged"),
        errorCount,
        unmatched: count("unmatched"),
        ambiguous: count("ambiguous"),
        ...listed(outcomes),
        ignoredColumns: columns.ignored,
      };
      // Counts and the file name only: the rows themselves are personal data; the learners are the links.
      await recordAudit(tx, auditActorOf(actor, options.ip), {
        action: "gia.import",
        outcome: options.commit && !committed ? "FAILURE" : "SUCCESS",
        entityType: actor.scope.kind === "REGION" ? "Region" : "Municipality",
        entityId: actor.scope.kind === "REGION" ? actor.scope.regionId : actor.scope.municipalityId,
        details: {
          mode: options.commit ? "commit" : "dry-run",
          fileName: options.fileName.slice(0, 200),
          rows: result.rows,
          added: result.added,
          updated: result.updated,
          unchanged: result.unchanged,
          errors: errorCount,
          unmatched: result.unmatched,
          ambiguous: result.ambiguous,
          committed,
        },
        learnerIds: [...plan.learnerIds],
      });
      return result;
    }, TRANSACTION);
  } catch (error) {
    // Two uploads of one file at once: the unique key lets the first through.
    if (isUniqueViolation(error)) throw conflict("Эти результаты только что загрузил другой пользователь: проверьте файл ещё раз");
    throw error;
  }
}
