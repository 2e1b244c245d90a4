// Bulk import of a school's learners from a spreadsheet. Every row is checked
// (file rules, then registry rules); a commit writes all rows or none, in one
// transaction with one audit record. Re-importing the same file changes
// nothing: learners are matched by SNILS (or full name, sex and birth date).
import { auditActorOf, recordAudit } from "../../../audit/recorder";
import type { Actor } from "../../../auth/actor";
import { canImportLearners } from "../../../authz/permissions";
import type { Db } from "../../../db";
import { forbidden } from "../../../errors";
import { assertOrganisationOpen } from "../../movement/record-event";
import { applyImport, auditCreatedClasses } from "./apply-import";
import { mapHeader } from "./columns";
import { planImport, type ImportPlan, type ValidRow } from "./plan-import";
import type { Sheet } from "./read-file";
import { rowToInput, type ImportIssue } from "./row-to-input";
import { syncLearnerAddresses } from "../../learner-addresses/sync";
import { ADDRESS_FIELD } from "@/lib/schemas/learner-addresses";

/** The answer lists this many errors at most; the count is always exact. */
export const MAX_LISTED_ERRORS = 1000;
/** A 100,000-row commit on a slow machine must not hit Prisma's 5-second default. */
const TRANSACTION = { maxWait: 30_000, timeout: 15 * 60_000 };

export type ImportPhase = "check" | "write";
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  commit: boolean;
  /** The person confirmed creating the classes the dry run listed as missing. */
  createClasses?: boolean;
  fileName: string;
  ip: string | null;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
}

import type { ImportResult } from "@/lib/import-result";

export type { ImportResult };

const ADDRESS_COLUMNS = Object.values(ADDRESS_FIELD);

/** Learners whose structured addresses may be stale after the plan: every new one, and updates that touch an address. */
function addressesToSync(plan: ImportPlan): string[] {
  const created = plan.learners.map((l) => l.id as string);
  const updated = plan.learnerUpdates.filter((u) => ADDRESS_COLUMNS.some((c) => c in u.data)).map((u) => u.id);
  return [...created, ...updated];
}

export async function importLearners(db: Db, actor: Actor, sheet: Sheet, options: ImportOptions): Promise<ImportResult> {
  // The same check as the upload route; the scope test again only narrows the type.
  if (!canImportLearners(actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
  const { organisationId, regionId } = actor.scope;
  const columns = mapHeader(sheet.header);
  const report = options.onProgress ?? (() => {});
  const total = sheet.rows.length;

  const errors: ImportIssue[] = [];
  const valid: ValidRow[] = [];
  for (let i = 0; i < total; i++) {
    const { row, cells } = sheet.rows[i]!;
    const parsed = rowToInput(cells, columns, row);
    if (parsed.input) valid.push({ row, input: parsed.input });
    else errors.push(...parsed.issues);
    if ((i + 1) % 500 === 0 || i + 1 === total) await report({ phase: "check", done: i + 1, total });
  }

  return db.$transaction(async (tx) => {
    if (options.commit) await assertOrganisationOpen(tx, organisationId);
    const plan = await planImport(tx, organisationId, regionId, valid, { createClasses: options.createClasses === true });
    errors.push(...plan.errors);
    errors.sort((a, b) => a.row - b.row);
    const committed = options.commit && errors.length === 0;
    if (committed) await applyImport(tx, plan, actor.id, (done, all) => report({ phase: "write", done, total: all }));
    // New learners and those whose address texts changed: their structured addresses, in the same transaction.
    if (committed) await syncLearnerAddresses(tx, addressesToSync(plan));
    // Audited here, at the end, with the import's own record: the audit chain's lock is held only for the end of the commit.
    if (committed) await auditCreatedClasses(tx, auditActorOf(actor, options.ip), plan.newClasses);
    const result: ImportResult = {
      committed,
      rows: total,
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      errorCount: errors.length,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      missingClasses: plan.missingClasses,
      classesCreated: committed ? plan.newClasses.length : 0,
    };
    // Counts and the file name only: the rows themselves are personal data.
    await recordAudit(tx, auditActorOf(actor, options.ip), {
      action: "learner.import",
      outcome: options.commit && !committed ? "FAILURE" : "SUCCESS",
      entityType: "Organisation",
      entityId: organisationId,
      details: {
        mode: options.commit ? "commit" : "dry-run",
        fileName: options.fileName.slice(0, 200),
        rows: total,
        created: plan.created,
        updated: plan.updated,
        unchanged: plan.unchanged,
        errors: errors.length,
        committed,
        classesCreated: committed ? plan.newClasses.length : 0,
      },
    });
    return result;
  }, TRANSACTION);
}
