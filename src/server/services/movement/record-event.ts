// Writing movement events and the enrolment changes they make. Events are
// append-only rows (a trigger refuses UPDATE/DELETE); enrolments are the
// current state those events produce.
import type { Order, Placement } from "@/lib/schemas/movement";
import type { PlacementSnapshot } from "@/lib/movement/placement-rules";
import { isLeavingType, REASON_NEEDS_TEXT, reasonFitsType, type LeavingReason } from "@/lib/movement/leaving-reasons";
import type { DbTx } from "../../db";
import { badRequest, conflict } from "../../errors";
import type { MovementType } from "../../generated/prisma/client";
import { day } from "../person/person-data";
import { placementAcademicYear } from "@/lib/classes/class-year";
import { todayIso } from "@/lib/schemas/person";
import { findSchoolClass, requireSchoolClass } from "../programmes/school-classes";

export interface EventFacts {
  learnerId: string;
  organisationId: string;
  type: MovementType;
  order: Order;
  createdById: string;
  enrolmentId?: string;
  from?: PlacementSnapshot | null;
  to?: PlacementSnapshot | null;
  reason?: string;
  /** Required on TRANSFER_OUT and EXPULSION (src/lib/movement/leaving-reasons.ts). */
  leavingReason?: LeavingReason;
  transferId?: string;
  cancelsEventId?: string;
}

/** Recorded where an order's number is not known (historic data): «без номера». */
export const UNNUMBERED_ORDER = "б/н";

export type { PlacementSnapshot };

export function recordMovement(tx: DbTx, facts: EventFacts) {
  const { order, from, to, ...rest } = facts;
  // The schemas ask for the reason already; this keeps any other path from writing a leaving order without one.
  if (isLeavingType(facts.type)) {
    if (!facts.leavingReason) throw badRequest("Укажите причину выбытия", "leavingReason");
    if (!reasonFitsType(facts.leavingReason, facts.type)) throw badRequest("Перевод в организацию региона оформляется переводом, а не отчислением", "leavingReason");
    if (REASON_NEEDS_TEXT.includes(facts.leavingReason) && (facts.reason ?? "").trim().length < 3) throw badRequest("Опишите причину выбытия в основании", "reason");
  }
  return tx.movementEvent.create({
    data: {
      ...rest,
      fromLevel: from?.level ?? null,
      fromGrade: from?.grade ?? null,
      fromLetter: from?.classLetter ?? null,
      toLevel: to?.level ?? null,
      toGrade: to?.grade ?? null,
      toLetter: to?.classLetter ?? null,
      orderNumber: order.orderNumber,
      orderDate: day(order.orderDate),
      effectiveDate: day(order.effectiveDate),
    },
    select: { id: true },
  });
}

export const snapshotOf = (p: Placement): PlacementSnapshot => ({ level: p.level, grade: p.grade ?? null, classLetter: p.classLetter ?? null });

/** A closed organisation enrols no one. */
export async function assertOrganisationOpen(tx: DbTx, organisationId: string) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { closedAt: true } });
  if (!org || org.closedAt) throw badRequest("Организация закрыта: зачисление в неё невозможно");
}

/**
 * The school's class for a placement if it has one, without refusing: only a
 * cancellation uses it, to return a learner to the class they were in even if
 * that class has been renamed since. Every new placement goes through
 * requireSchoolClass, which refuses a class the school does not have.
 */
export async function classFor(tx: DbTx, organisationId: string, placement: PlacementSnapshot, effectiveIso: string) {
  if (placement.grade === null || !placement.classLetter) return null;
  return findSchoolClass(tx, organisationId, placementAcademicYear(effectiveIso, todayIso()), placement.grade, placement.classLetter);
}

/** Opens an enrolment in one of the school's classes; the database allows one active basic enrolment per learner. */
export async function openEnrolment(tx: DbTx, learnerId: string, organisationId: string, placement: Placement, from: string) {
  await assertOrganisationOpen(tx, organisationId);
  const snapshot = { level: placement.level, grade: placement.grade ?? null, classLetter: placement.classLetter ?? null };
  const schoolClass = await requireSchoolClass(tx, organisationId, snapshot, from, { field: "placement.classLetter" });
  return tx.enrolment.create({
    data: {
      learnerId,
      organisationId,
      classId: schoolClass?.id ?? null,
      programmeId: schoolClass?.programmeId ?? null,
      level: placement.level,
      isBasic: placement.level !== "ADDITIONAL",
      grade: placement.grade ?? null,
      classLetter: placement.classLetter ?? null,
      enrolledAt: day(from),
    },
    select: { id: true },
  });
}

/** Where the learner holds a basic enrolment now (for the rules only: never shown to another school). */
export async function basicEnrolmentHolder(tx: DbTx, learnerId: string) {
  return tx.enrolment.findFirst({
    where: { learnerId, isBasic: true, status: { not: "ENDED" } },
    select: { id: true, organisationId: true, status: true, grade: true },
  });
}

/**
 * The learner is held elsewhere. The answer names no organisation: a school
 * that knows a SNILS must not learn where the child studies. It says how to
 * proceed instead.
 */
export function alreadyEnrolled() {
  return conflict(
    "Обучающийся уже зачислен в другую организацию по основной программе. Зачисление возможно после его выбытия: " +
      "попросите ту организацию оформить перевод в вашу или обратитесь в муниципальный орган управления образованием.",
    "snils",
    { kind: "alreadyEnrolled" },
  );
}

/** What a decision saw of an enrolment: the state it compares against when it writes. */
export interface EnrolmentState {
  id: string;
  status: "ACTIVE" | "PENDING_TRANSFER" | "ENDED";
  level: PlacementSnapshot["level"];
  grade: number | null;
  classLetter: string | null;
}

/** Another order changed the enrolment between reading and writing it. */
export const changedMeanwhile = () =>
  conflict("Сведения об обучающемся только что изменил другой приказ. Обновите страницу и повторите действие.");

/**
 * Compare-and-set on an enrolment: writes only if it is still in the state
 * the order was decided on, so of two concurrent orders exactly one applies
 * and the other gets CONFLICT (the row lock the UPDATE takes makes the second
 * wait, then re-check its condition against the first one's result).
 */
export async function updateEnrolmentIfUnchanged(
  tx: DbTx,
  learnerId: string,
  seen: EnrolmentState,
  data: Parameters<DbTx["enrolment"]["updateMany"]>[0]["data"],
) {
  const { count } = await tx.enrolment.updateMany({
    where: { learnerId, id: seen.id, status: seen.status, level: seen.level, grade: seen.grade, classLetter: seen.classLetter },
    data,
  });
  if (count !== 1) throw changedMeanwhile();
}

/**
 * Row lock on an enrolment until the transaction ends, for decisions whose
 * checks span other rows (cancellation: "not yet cancelled", "latest order").
 * A concurrent decision waits here and then reads what the first one wrote.
 */
export async function lockEnrolment(tx: DbTx, learnerId: string, enrolmentId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Enrolment" WHERE "learnerId" = ${learnerId}::uuid AND "id" = ${enrolmentId}::uuid FOR UPDATE`;
}

/** A unique-index violation (Prisma P2002 or the driver's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === "P2002" || e?.code === "23505" || e?.cause?.code === "23505" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
