// Orders assigning territories to schools (issue 22): a municipality's order
// for one academic year, listed with its assignments grouped by school, created,
// deleted (with its assignments; an order cancelled by the municipality goes,
// and the audit row keeps its number, year and size), and filled from the
// previous year's orders. Territories are public documents, not personal data:
// reads write no audit row; every write does, as a legally significant decision.
import { regionToday } from "@/lib/time-zone";
import type { CreateTerritoryOrderInput, TerritoriesInput, TerritoryOrderIdInput } from "@/lib/schemas/territories";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest, conflict } from "../../errors";
import { assignmentLabels } from "./labels";
import { municipalityOf, orderInScope, requireManager, SCHOOL_TYPES } from "./territory-scope";

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The municipality's schools that admit first-graders, with their places for the year. */
export async function schoolsOfMunicipality(db: Db, municipalityId: string, academicYear: number) {
  const schools = await db.organisation.findMany({
    where: { municipalityId, type: { in: [...SCHOOL_TYPES] }, closedAt: null },
    select: { id: true, shortName: true, firstGradePlaces: { where: { academicYear }, select: { places: true } } },
    orderBy: { shortName: "asc" },
  });
  return schools.map((s) => ({ id: s.id, shortName: s.shortName, places: s.firstGradePlaces[0]?.places ?? null }));
}

/** One municipality's orders of a year, each with its assignments grouped by school, and the schools to choose from. */
export async function listTerritories(db: Db, actor: Actor, input: TerritoriesInput) {
  requireManager(actor);
  const municipalityId = await municipalityOf(db, actor, input.municipalityId);
  const [municipality, schools, orders] = await Promise.all([
    db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { id: true, name: true } }),
    schoolsOfMunicipality(db, municipalityId, input.academicYear),
    db.territoryOrder.findMany({
      where: { municipalityId, academicYear: input.academicYear },
      select: {
        id: true,
        orderNumber: true,
        orderDate: true,
        assignments: {
          select: { id: true, organisationId: true, objectKind: true, garObjectId: true, organisation: { select: { shortName: true } } },
          orderBy: [{ organisationId: "asc" }, { objectKind: "asc" }, { garObjectId: "asc" }],
        },
      },
      orderBy: [{ orderDate: "asc" }, { orderNumber: "asc" }],
    }),
  ]);
  const labels = await assignmentLabels(db, orders.flatMap((o) => o.assignments));
  return {
    municipality,
    academicYear: input.academicYear,
    schools,
    orders: orders.map((o) => {
      const bySchool = new Map<string, { organisationId: string; shortName: string; assignments: { id: string; objectKind: string; garObjectId: string; label: string }[] }>();
      for (const a of o.assignments) {
        const group = bySchool.get(a.organisationId) ?? { organisationId: a.organisationId, shortName: a.organisation.shortName, assignments: [] };
        const id = String(a.garObjectId);
        group.assignments.push({ id: a.id, objectKind: a.objectKind, garObjectId: id, label: labels.get(id) ?? id });
        bySchool.set(a.organisationId, group);
      }
      return { id: o.id, orderNumber: o.orderNumber, orderDate: dayOf(o.orderDate), schools: [...bySchool.values()] };
    }),
  };
}

export async function createTerritoryOrder(db: Db, actor: Actor, input: CreateTerritoryOrderInput, ip: string | null): Promise<{ id: string }> {
  requireManager(actor);
  if (input.orderDate > regionToday()) throw badRequest("Дата приказа не может быть в будущем", "orderDate");
  return db.$transaction(async (tx) => {
    const municipalityId = await municipalityOf(tx, actor, input.municipalityId);
    const taken = await tx.territoryOrder.findUnique({
      where: { municipalityId_academicYear_orderNumber: { municipalityId, academicYear: input.academicYear, orderNumber: input.orderNumber } },
      select: { id: true },
    });
    if (taken) throw conflict("Приказ с таким номером на этот учебный год уже есть", "orderNumber");
    const order = await tx.territoryOrder.create({
      data: { municipalityId, academicYear: input.academicYear, orderNumber: input.orderNumber, orderDate: new Date(`${input.orderDate}T00:00:00Z`), createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "territory.order.create",
      entityType: "TerritoryOrder",
      entityId: order.id,
      details: { municipalityId, academicYear: input.academicYear, orderNumber: input.orderNumber, orderDate: input.orderDate },
    });
    return order;
  });
}

/** Deletes an order with its assignments (cascade); the audit row keeps what it was. */
export async function deleteTerritoryOrder(db: Db, actor: Actor, input: TerritoryOrderIdInput, ip: string | null): Promise<{ assignments: number }> {
  requireManager(actor);
  return db.$transaction(async (tx) => {
    const order = await orderInScope(tx, actor, input.orderId);
    const assignments = await tx.territoryAssignment.count({ where: { orderId: order.id } });
    await tx.territoryOrder.delete({ where: { id: order.id } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "territory.order.delete",
      entityType: "TerritoryOrder",
      entityId: order.id,
      details: { municipalityId: order.municipalityId, academicYear: order.academicYear, orderNumber: order.orderNumber, assignments },
    });
    return { assignments };
  });
}

/**
 * Copies every assignment of the municipality's orders of the previous academic
 * year into this order: the usual start of a new year's order. A school closed
 * since is left out; what the order already has stays as it is (no duplicates).
 */
export async function copyPreviousYear(db: Db, actor: Actor, input: TerritoryOrderIdInput, ip: string | null): Promise<{ copied: number }> {
  requireManager(actor);
  return db.$transaction(async (tx) => {
    const order = await orderInScope(tx, actor, input.orderId);
    const fromYear = order.academicYear - 1;
    const copied = await tx.$executeRaw`
      INSERT INTO "TerritoryAssignment" ("id", "orderId", "organisationId", "academicYear", "objectKind", "garObjectId")
      SELECT gen_random_uuid(), ${order.id}::uuid, prev."organisationId", ${order.academicYear}::smallint, prev."objectKind", prev."garObjectId"
      FROM (
        SELECT DISTINCT ON (a."organisationId", a."garObjectId") a."organisationId", a."objectKind", a."garObjectId"
        FROM "TerritoryAssignment" a
        JOIN "TerritoryOrder" o ON o."id" = a."orderId"
        JOIN "Organisation" org ON org."id" = a."organisationId"
        WHERE o."municipalityId" = ${order.municipalityId}::uuid AND o."academicYear" = ${fromYear}::smallint
          AND org."closedAt" IS NULL AND org."municipalityId" = o."municipalityId"
        ORDER BY a."organisationId", a."garObjectId"
      ) prev
      ON CONFLICT ("orderId", "organisationId", "garObjectId") DO NOTHING`;
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "territory.assignments.copy",
      entityType: "TerritoryOrder",
      entityId: order.id,
      details: { academicYear: order.academicYear, fromYear, copied },
    });
    return { copied };
  });
}
