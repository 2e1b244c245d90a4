// A learner's health (stage 2): dated, append-only records entered by the
// medic of the school that holds the learner. A correction is a new row that
// supersedes the old one (a trigger refuses UPDATE/DELETE). Every read and
// every write is audited with the learner id, in the same transaction.
import { z } from "zod";
import { healthRuleIssues, type HealthData } from "@/lib/schemas/health";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { allowsLearnerStage, allowsStage } from "../../authz/matrix";
import { recordsWhere, requireLearnerAccess } from "../../authz/relationship";
import type { Db, DbTx } from "../../db";
import { badRequest, conflict, forbidden, notFound } from "../../errors";
import { day } from "../person/person-data";

const zDate = z.date();
export const ZHealthRecordView = z.object({
  id: z.string(),
  recordedAt: zDate,
  healthGroup: z.string(),
  peGroup: z.string(),
  disability: z.string().nullable(),
  disabilityReason: z.string().nullable(),
  disabilityUntil: zDate.nullable(),
  disabilityIndefinite: z.boolean(),
  needsAdaptedProgramme: z.boolean(),
  ovzCategory: z.string().nullable(),
  pmpkNumber: z.string().nullable(),
  pmpkDate: zDate.nullable(),
  longTermTreatment: z.boolean(),
  treatmentFrom: zDate.nullable(),
  treatmentTo: zDate.nullable(),
  supersedesId: z.string().nullable(),
  organisation: z.object({ id: z.string(), shortName: z.string() }),
  createdAt: zDate,
});
export const ZHealthHistoryRow = ZHealthRecordView.extend({ superseded: z.boolean() });
export const ZLearnerHealth = z.object({
  current: ZHealthRecordView.nullable(),
  history: z.array(ZHealthHistoryRow),
  /** The caller is the medic of a school holding the learner: the form is offered. */
  canWrite: z.boolean(),
});
export type LearnerHealth = z.infer<typeof ZLearnerHealth>;

const recordSelect = {
  id: true, recordedAt: true, healthGroup: true, peGroup: true, disability: true, disabilityReason: true, disabilityUntil: true,
  disabilityIndefinite: true, needsAdaptedProgramme: true, ovzCategory: true, pmpkNumber: true, pmpkDate: true,
  longTermTreatment: true, treatmentFrom: true, treatmentTo: true, supersedesId: true, createdAt: true,
  organisation: { select: { id: true, shortName: true } },
} as const;

const DATA_FIELDS = [
  "recordedAt", "healthGroup", "peGroup", "disability", "disabilityReason", "disabilityUntil", "disabilityIndefinite",
  "needsAdaptedProgramme", "ovzCategory", "pmpkNumber", "pmpkDate", "longTermTreatment", "treatmentFrom", "treatmentTo",
] as const;

function toColumns(data: HealthData) {
  const d = (v: string | undefined) => (v ? day(v) : null);
  return {
    recordedAt: day(data.recordedAt),
    healthGroup: data.healthGroup,
    peGroup: data.peGroup,
    disability: data.disability ?? null,
    disabilityReason: data.disabilityReason ?? null,
    disabilityUntil: d(data.disabilityUntil),
    disabilityIndefinite: data.disabilityIndefinite,
    needsAdaptedProgramme: data.needsAdaptedProgramme,
    ovzCategory: data.ovzCategory ?? null,
    pmpkNumber: data.pmpkNumber ?? null,
    pmpkDate: d(data.pmpkDate),
    longTermTreatment: data.longTermTreatment,
    treatmentFrom: d(data.treatmentFrom),
    treatmentTo: d(data.treatmentTo),
  };
}

/** Names of the fields given (for the audit record): never their values. */
const filledFields = (data: HealthData) => DATA_FIELDS.filter((f) => data[f] !== undefined && data[f] !== false);

/**
 * A learner the caller's school holds, for the medic only: NOT_FOUND without
 * a relationship, FORBIDDEN for a former or additional-programme school.
 */
async function heldLearner(tx: DbTx, actor: Actor, learnerId: string) {
  if (actor.scope.kind !== "ORGANISATION" || !allowsStage(actor.role, "HEALTH", "write")) throw forbidden();
  await requireLearnerAccess(tx, actor, learnerId, "HEALTH", "write");
  const learner = await tx.learner.findUniqueOrThrow({ where: { id: learnerId }, select: { id: true, birthDate: true } });
  return { ...learner, organisationId: actor.scope.organisationId };
}

/** Writes the row after the rules that need the birth date; audited in the same transaction. */
async function insertRecord(tx: DbTx, actor: Actor, learner: Awaited<ReturnType<typeof heldLearner>>, data: HealthData, ip: string | null, supersedesId: string | null) {
  const [issue] = healthRuleIssues(data, learner.birthDate.toISOString().slice(0, 10));
  if (issue) throw badRequest(issue.message, issue.path);
  const created = await tx.healthRecord.create({
    data: { ...toColumns(data), learnerId: learner.id, organisationId: learner.organisationId, supersedesId, createdById: actor.id },
    select: { id: true },
  });
  await recordAudit(tx, auditActorOf(actor, ip), {
    action: "learner.health.write",
    entityType: "Learner",
    entityId: learner.id,
    details: { recordId: created.id, supersedesId, fields: filledFields(data) },
  });
  return { id: created.id };
}

export async function recordHealth(db: Db, actor: Actor, learnerId: string, data: HealthData, ip: string | null) {
  return db.$transaction(async (tx) => insertRecord(tx, actor, await heldLearner(tx, actor, learnerId), data, ip, null));
}

/** A correction: a new row superseding the learner's `recordId`, which must not have been corrected already. */
export async function correctHealth(db: Db, actor: Actor, learnerId: string, recordId: string, data: HealthData, ip: string | null) {
  return db.$transaction(async (tx) => {
    // The scope check (NOT_FOUND) comes before anything is revealed about the record,
    // which is then looked up only among this learner's records.
    const learner = await heldLearner(tx, actor, learnerId);
    const old = await tx.healthRecord.findUnique({
      where: { learnerId_id: { learnerId: learner.id, id: recordId } },
      select: { supersededBy: { select: { id: true } } },
    });
    if (!old) throw notFound("Запись не найдена");
    if (old.supersededBy) throw conflict("Эта запись уже исправлена: исправьте текущую запись", "recordId");
    return insertRecord(tx, actor, learner, data, ip, recordId);
  });
}

export async function getHealth(db: Db, actor: Actor, learnerId: string, ip: string | null): Promise<LearnerHealth> {
  if (!allowsStage(actor.role, "HEALTH", "read")) throw forbidden();
  return db.$transaction(async (tx) => {
    const relationship = await requireLearnerAccess(tx, actor, learnerId, "HEALTH", "read");
    const rows = await tx.healthRecord.findMany({
      where: { learnerId, ...recordsWhere(actor.scope, relationship) },
      orderBy: [{ recordedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: recordSelect,
    });
    const superseded = new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null));
    const history = rows.map((r) => ({ ...r, superseded: superseded.has(r.id) }));
    const canWrite = actor.scope.kind === "ORGANISATION" && allowsLearnerStage(actor.role, relationship, "HEALTH", "write");
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.health.read",
      entityType: "Learner",
      entityId: learnerId,
      details: { records: rows.length },
    });
    const current = rows.find((r) => !superseded.has(r.id)) ?? null;
    return { current, history, canWrite };
  });
}
