// Transfers between organisations: the sender starts one (its enrolment turns
// PENDING_TRANSFER and the learner stays counted there); the receiver accepts
// (enrols) or rejects with a reason. Both sides see the status. Every
// decision is a compare-and-set on the transfer's PENDING status, so of two
// concurrent decisions (accept and reject, or the same one twice) exactly one
// wins and the other gets CONFLICT.
import type { z } from "zod";
import type { ZAcceptTransferInput, ZRejectTransferInput, ZStartTransferInput } from "@/lib/schemas/movement";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest, conflict, forbidden, notFound } from "../../errors";
import { day } from "../person/person-data";
import { hasCapability } from "../../authz/matrix";
import { requireHolding } from "../../authz/relationship";
import { isUniqueViolation, openEnrolment, recordMovement, snapshotOf, updateEnrolmentIfUnchanged } from "./record-event";
import type { Prisma } from "../../generated/prisma/client";

function ownOrganisation(actor: Actor): string {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  return actor.scope.organisationId;
}

export async function startTransfer(db: Db, actor: Actor, input: z.infer<typeof ZStartTransferInput>, ip: string | null) {
  const fromOrganisationId = ownOrganisation(actor);
  if (input.toOrganisationId === fromOrganisationId) throw badRequest("Перевод в свою же организацию невозможен", "toOrganisationId");
  try {
    return await db.$transaction(async (tx) => {
      await requireHolding(tx, actor.scope, input.learnerId);
      const enrolment = await tx.enrolment.findFirst({
        where: { learnerId: input.learnerId, organisationId: fromOrganisationId, isBasic: true, status: { not: "ENDED" } },
        select: { id: true, status: true, level: true, grade: true, classLetter: true },
      });
      if (!enrolment) throw notFound("Обучающийся не найден");
      if (enrolment.status === "PENDING_TRANSFER") throw conflict("Перевод этого обучающегося уже оформляется");
      const target = await tx.organisation.findFirst({
        where: { id: input.toOrganisationId, closedAt: null, municipality: { regionId: actor.scope.regionId } },
        select: { id: true },
      });
      if (!target) throw badRequest("Выберите действующую организацию региона", "toOrganisationId");
      const transfer = await tx.transfer.create({
        data: {
          learnerId: input.learnerId,
          fromOrganisationId,
          toOrganisationId: target.id,
          fromEnrolmentId: enrolment.id,
          createdById: actor.id,
        },
        select: { id: true },
      });
      // Compare-and-set: an order of the school made meanwhile (expulsion, class change) wins, this start gets CONFLICT.
      await updateEnrolmentIfUnchanged(tx, input.learnerId, enrolment, { status: "PENDING_TRANSFER" });
      const event = await recordMovement(tx, {
        learnerId: input.learnerId,
        organisationId: fromOrganisationId,
        type: "TRANSFER_OUT",
        order: input.order,
        createdById: actor.id,
        enrolmentId: enrolment.id,
        from: enrolment,
        transferId: transfer.id,
        reason: input.reason,
        // The registry's transfers go to organisations of the region only (the target check above).
        leavingReason: "TRANSFER_IN_REGION",
      });
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "movement.transfer.start",
        entityType: "Learner",
        entityId: input.learnerId,
        details: { transferId: transfer.id, eventId: event.id, toOrganisationId: target.id },
      });
      return { transferId: transfer.id, eventId: event.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Перевод этого обучающегося уже оформляется");
    throw error;
  }
}

/**
 * Records the receiver's decision on a transfer still PENDING, in one
 * conditional UPDATE: the row lock it takes makes a concurrent decision wait,
 * and that one then finds the status changed and gets CONFLICT.
 */
async function decide(tx: DbTx, actor: Actor, learnerId: string, transferId: string, data: Prisma.TransferUpdateManyMutationInput) {
  const toOrganisationId = ownOrganisation(actor);
  const where = { learnerId, id: transferId, toOrganisationId };
  const { count } = await tx.transfer.updateMany({
    where: { ...where, status: "PENDING" },
    data: { ...data, decidedAt: new Date(), decidedById: actor.id },
  });
  const transfer = await tx.transfer.findFirst({ where, select: { id: true, learnerId: true, fromEnrolmentId: true } });
  if (!transfer) throw notFound("Запрос на перевод не найден");
  if (count !== 1) throw conflict("По этому запросу уже принято решение");
  return transfer;
}

export async function acceptTransfer(db: Db, actor: Actor, input: z.infer<typeof ZAcceptTransferInput>, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  if (input.placement.level === "ADDITIONAL") throw badRequest("Перевод принимается на основную программу", "placement.level");
  return db.$transaction(async (tx) => {
    const transfer = await decide(tx, actor, input.learnerId, input.transferId, { status: "ACCEPTED" });
    // The sender's enrolment ends the day the receiver's begins.
    const ended = await tx.enrolment.updateMany({
      where: { learnerId: transfer.learnerId, id: transfer.fromEnrolmentId, status: "PENDING_TRANSFER" },
      data: { status: "ENDED", endedAt: day(input.order.effectiveDate) },
    });
    if (ended.count !== 1) throw conflict("Перевод больше не ожидает решения");
    const enrolment = await openEnrolment(tx, transfer.learnerId, organisationId, input.placement, input.order.effectiveDate);
    const event = await recordMovement(tx, {
      learnerId: transfer.learnerId,
      organisationId,
      type: "TRANSFER_IN",
      order: input.order,
      createdById: actor.id,
      enrolmentId: enrolment.id,
      to: snapshotOf(input.placement),
      transferId: transfer.id,
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "movement.transfer.accept",
      entityType: "Learner",
      entityId: transfer.learnerId,
      details: { transferId: transfer.id, eventId: event.id, grade: input.placement.grade ?? null },
    });
    return { enrolmentId: enrolment.id, eventId: event.id };
  });
}

export async function rejectTransfer(db: Db, actor: Actor, input: z.infer<typeof ZRejectTransferInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    const transfer = await decide(tx, actor, input.learnerId, input.transferId, { status: "REJECTED", rejectReason: input.reason });
    // The learner stays where it was, as an ordinary active learner again. The
    // decision above is the guard; should the enrolment no longer be pending
    // (ended before this rule existed), rejecting must still close the request.
    await tx.enrolment.updateMany({ where: { learnerId: transfer.learnerId, id: transfer.fromEnrolmentId, status: "PENDING_TRANSFER" }, data: { status: "ACTIVE" } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "movement.transfer.reject",
      entityType: "Learner",
      entityId: transfer.learnerId,
      details: { transferId: transfer.id },
    });
  });
}

/** Incoming and outgoing transfers of the caller's organisation, with the identity the receiver needs to decide. */
export async function listTransfers(db: Db, actor: Actor, direction: "incoming" | "outgoing", ip: string | null) {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(async (tx) => {
    const rows = await tx.transfer.findMany({
      where: direction === "incoming" ? { toOrganisationId: organisationId } : { fromOrganisationId: organisationId },
      orderBy: { requestedAt: "desc" },
      take: 200,
      select: {
        id: true,
        status: true,
        requestedAt: true,
        decidedAt: true,
        rejectReason: true,
        learner: { select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true } },
        fromOrganisation: { select: { id: true, shortName: true } },
        toOrganisation: { select: { id: true, shortName: true } },
        events: { where: { type: "TRANSFER_OUT" }, select: { orderNumber: true, orderDate: true, fromGrade: true } },
      },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "movement.transfer.read",
      details: { direction, count: rows.length },
      learnerIds: rows.map((r) => r.learner.id),
    });
    return rows.map(({ events, ...t }) => ({ ...t, outOrder: events[0] ?? null }));
  });
}

/**
 * How many transfers wait for the caller's organisation to decide: the badge on
 * the school's «Переводы» item. A count only (no learner is named), so it is
 * not audited as a read of personal data. Zero for anyone without a school of
 * its own or without the right to decide transfers.
 */
export async function countPendingIncomingTransfers(db: Db, actor: Actor): Promise<number> {
  if (actor.scope.kind !== "ORGANISATION" || !hasCapability(actor.role, "movement.write")) return 0;
  return db.transfer.count({ where: { toOrganisationId: actor.scope.organisationId, status: "PENDING" } });
}
