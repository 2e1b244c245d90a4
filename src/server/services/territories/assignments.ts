// Assignments of an order (issue 22): a house, a street or a settlement of the
// order's municipality assigned to one of its schools; removed one at a time.
// And a school's first-grade places for a year. Every write has its audit row.
import type { AddTerritoryAssignmentInput, RemoveTerritoryAssignmentInput, SetFirstGradePlacesInput } from "@/lib/schemas/territories";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest, conflict, notFound } from "../../errors";
import { directoryObject, orderInScope, requireManager, schoolInScope } from "./territory-scope";

export async function addTerritoryAssignment(db: Db, actor: Actor, input: AddTerritoryAssignmentInput, ip: string | null): Promise<{ id: string }> {
  requireManager(actor);
  const garObjectId = BigInt(input.garObjectId);
  return db.$transaction(async (tx) => {
    const order = await orderInScope(tx, actor, input.orderId);
    await schoolInScope(tx, actor, input.organisationId, order.municipalityId);
    const object = await directoryObject(tx, actor, input.objectKind, garObjectId);
    // The region's officer sees every municipality, so a wrong one is a mistake to correct, not a secret.
    if (object.municipalityId !== order.municipalityId) throw badRequest("Адрес относится к другому муниципалитету", "garObjectId");
    const taken = await tx.territoryAssignment.findUnique({
      where: { orderId_organisationId_garObjectId: { orderId: order.id, organisationId: input.organisationId, garObjectId } },
      select: { id: true },
    });
    if (taken) throw conflict("Этот адрес уже закреплён за школой этим приказом", "garObjectId");
    const row = await tx.territoryAssignment.create({
      data: { orderId: order.id, organisationId: input.organisationId, academicYear: order.academicYear, objectKind: input.objectKind, garObjectId },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "territory.assignment.add",
      entityType: "TerritoryOrder",
      entityId: order.id,
      details: { organisationId: input.organisationId, objectKind: input.objectKind, garObjectId: input.garObjectId, academicYear: order.academicYear },
    });
    return row;
  });
}

export async function removeTerritoryAssignment(db: Db, actor: Actor, input: RemoveTerritoryAssignmentInput, ip: string | null): Promise<{ id: string }> {
  requireManager(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.territoryAssignment.findUnique({
      where: { id: input.assignmentId },
      select: { id: true, orderId: true, organisationId: true, objectKind: true, garObjectId: true, academicYear: true },
    });
    if (!row) throw notFound("Закрепление не найдено");
    // Another municipality's assignment is NOT_FOUND through its order.
    await orderInScope(tx, actor, row.orderId).catch(() => {
      throw notFound("Закрепление не найдено");
    });
    await tx.territoryAssignment.delete({ where: { id: row.id } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "territory.assignment.remove",
      entityType: "TerritoryOrder",
      entityId: row.orderId,
      details: { organisationId: row.organisationId, objectKind: row.objectKind, garObjectId: String(row.garObjectId), academicYear: row.academicYear },
    });
    return { id: row.id };
  });
}

/** A school's first-grade places for a year (0–10000), set or changed; the audit row keeps the previous number. */
export async function setFirstGradePlaces(db: Db, actor: Actor, input: SetFirstGradePlacesInput, ip: string | null): Promise<{ places: number }> {
  requireManager(actor);
  return db.$transaction(async (tx) => {
    await schoolInScope(tx, actor, input.organisationId);
    const key = { organisationId: input.organisationId, academicYear: input.academicYear };
    const before = await tx.firstGradePlaces.findUnique({ where: { organisationId_academicYear: key }, select: { places: true } });
    await tx.firstGradePlaces.upsert({
      where: { organisationId_academicYear: key },
      create: { ...key, places: input.places, updatedById: actor.id },
      update: { places: input.places, updatedById: actor.id },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "territory.places.set",
      entityType: "Organisation",
      entityId: input.organisationId,
      details: { academicYear: input.academicYear, places: input.places, previousPlaces: before?.places ?? null },
    });
    return { places: input.places };
  });
}
