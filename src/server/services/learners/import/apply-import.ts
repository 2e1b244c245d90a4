// Carrying out an import plan inside the caller's transaction. New rows go in
// in bulk (one statement per table and 2,000 rows); updates touch only the
// changed columns, one row at a time, since each row changes different ones.
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditActor } from "../../../audit/recorder";
import type { DbTx } from "../../../db";
import { UNNUMBERED_ORDER } from "../../movement/record-event";
import { encryptIdentity } from "../../person/identity-fields";
import { bulkInsert, type BulkTable } from "./bulk-insert";
import type { ImportPlan } from "./plan-import";

/** Rows per statement: keeps each JSON parameter around a megabyte. */
const CHUNK = 2000;

export type WriteProgress = (done: number, total: number) => Promise<void> | void;

/** Each new enrolment gets its ENROLMENT event; a file carries no order numbers, so «б/н». */
function enrolmentEvents(plan: ImportPlan, createdById: string): Record<string, unknown>[] {
  return plan.enrolments.map((e) => ({
    id: randomUUID(),
    learnerId: e.learnerId,
    organisationId: e.organisationId,
    type: "ENROLMENT",
    orderNumber: UNNUMBERED_ORDER,
    orderDate: e.enrolledAt,
    effectiveDate: e.enrolledAt,
    enrolmentId: e.id,
    toLevel: e.level,
    toGrade: e.grade,
    toLetter: e.classLetter,
    createdById,
  }));
}

export interface ImportStep {
  table: BulkTable;
  rows: Record<string, unknown>[];
}

/** The new rows per table, parents before children: the foreign keys are checked per statement. */
export function importSteps(plan: ImportPlan, createdById: string): ImportStep[] {
  return [
    // The plan holds plain values; SNILS and document numbers are encrypted on the way in.
    { table: "Learner", rows: plan.learners.map((row) => encryptIdentity("Learner", row)) },
    { table: "Representative", rows: plan.representatives.map((row) => encryptIdentity("Representative", row)) },
    { table: "Enrolment", rows: plan.enrolments },
    { table: "MovementEvent", rows: enrolmentEvents(plan, createdById) },
    { table: "LearnerRepresentative", rows: plan.links },
    { table: "Consent", rows: plan.consents },
  ];
}

export async function writeStep(tx: DbTx, { table, rows }: ImportStep, advance?: (n: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await bulkInsert(tx, table, chunk);
    await advance?.(chunk.length);
  }
}

export async function applyImport(tx: DbTx, plan: ImportPlan, createdById: string, onProgress?: WriteProgress): Promise<void> {
  const steps = importSteps(plan, createdById);
  const updates = plan.learnerUpdates.length + plan.enrolmentUpdates.length + plan.representativeUpdates.size + plan.linkUpdates.length;
  const total = steps.reduce((n, step) => n + step.rows.length, 0) + updates;
  let done = 0;
  const advance = async (n: number) => {
    done += n;
    await onProgress?.(done, total);
  };

  // Classes the person confirmed go in first: the new enrolments refer to them.
  if (plan.newClasses.length) await tx.schoolClass.createMany({ data: plan.newClasses });
  for (const step of steps) await writeStep(tx, step, advance);
  // A new primary contact for a learner who had none is set in the link itself,
  // so existing primary flags are never touched here.
  let pending = 0;
  const tick = async () => {
    if (++pending === 200) {
      await advance(pending);
      pending = 0;
    }
  };
  for (const { id, data } of plan.learnerUpdates) {
    await tx.learner.update({ where: { id }, data: encryptIdentity("Learner", data) as never });
    await tick();
  }
  for (const { learnerId, id, data } of plan.enrolmentUpdates) {
    await tx.enrolment.update({ where: { learnerId_id: { learnerId, id } }, data: data as never });
    await tick();
  }
  for (const [id, data] of plan.representativeUpdates) {
    await tx.representative.update({ where: { id }, data: encryptIdentity("Representative", data) as never });
    await tick();
  }
  for (const { learnerId, representativeId, relation } of plan.linkUpdates) {
    await tx.learnerRepresentative.update({
      where: { learnerId_representativeId: { learnerId, representativeId } },
      data: { relation: relation as never },
    });
    await tick();
  }
  if (pending) await advance(pending);
}

/** One `class.create` record per class an import created with the person's consent. */
export async function auditCreatedClasses(tx: DbTx, actor: AuditActor, classes: ImportPlan["newClasses"]): Promise<void> {
  for (const c of classes) {
    await recordAudit(tx, actor, {
      action: "class.create",
      entityType: "SchoolClass",
      entityId: c.id,
      details: { academicYear: c.academicYear, grade: c.grade, letter: c.letter, programmeId: c.programmeId, via: "learner.import" },
    });
  }
}
