// Which municipality, order, school and directory object an officer may touch.
// A municipality's officer reaches only its own municipality: anything of
// another one is NOT_FOUND, as if it did not exist. The region's officer names
// the municipality and reaches every one of the region. The permission itself
// (canManageTerritories) is checked by the procedure and again here, so a
// service called from elsewhere cannot skip it.
import type { TerritoryObjectKind } from "@/lib/schemas/territories";
import type { Actor } from "../../auth/actor";
import { canManageTerritories, permits } from "../../authz/permissions";
import type { Db, DbTx } from "../../db";
import { badRequest, forbidden, notFound } from "../../errors";

/** Organisation types that admit first-graders, hence may have territories assigned. */
export const SCHOOL_TYPES = ["GENERAL_SCHOOL", "BOARDING_SCHOOL"] as const;

export function requireManager(actor: Actor) {
  if (!permits(canManageTerritories, actor)) throw forbidden();
}

/** The municipality the officer works on: its own, or the one the region's officer named. */
export async function municipalityOf(db: Db | DbTx, actor: Actor, municipalityId: string | undefined): Promise<string> {
  const scope = actor.scope;
  if (scope.kind === "MUNICIPALITY" || scope.kind === "ORGANISATION") {
    if (municipalityId && municipalityId !== scope.municipalityId) throw notFound("Муниципалитет не найден");
    return scope.municipalityId;
  }
  if (!municipalityId) throw badRequest("Выберите муниципалитет", "municipalityId");
  const row = await db.municipality.findFirst({ where: { id: municipalityId, regionId: scope.regionId }, select: { id: true } });
  if (!row) throw notFound("Муниципалитет не найден");
  return row.id;
}

/** Whether a municipality is within the actor's reach (the region's officer: its region). */
async function reaches(db: Db | DbTx, actor: Actor, municipalityId: string | null): Promise<boolean> {
  if (!municipalityId) return false;
  const scope = actor.scope;
  if (scope.kind !== "REGION") return municipalityId === scope.municipalityId;
  return (await db.municipality.count({ where: { id: municipalityId, regionId: scope.regionId } })) > 0;
}

export async function orderInScope(db: Db | DbTx, actor: Actor, orderId: string) {
  const order = await db.territoryOrder.findUnique({
    where: { id: orderId },
    select: { id: true, municipalityId: true, academicYear: true, orderNumber: true, orderDate: true },
  });
  if (!order || !(await reaches(db, actor, order.municipalityId))) throw notFound("Приказ не найден");
  return order;
}

/** A school of the municipality that admits first-graders (open, of a school type). */
export async function schoolInScope(db: Db | DbTx, actor: Actor, organisationId: string, municipalityId?: string) {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true, municipalityId: true, type: true, closedAt: true, shortName: true } });
  if (!org || !(await reaches(db, actor, org.municipalityId))) throw notFound("Школа не найдена");
  if (municipalityId && org.municipalityId !== municipalityId) throw badRequest("Закреплять территории можно только за общеобразовательной школой муниципалитета", "organisationId");
  if (!(SCHOOL_TYPES as readonly string[]).includes(org.type) || org.closedAt) {
    throw badRequest("Закреплять территории можно только за общеобразовательной школой муниципалитета", "organisationId");
  }
  return org;
}

/**
 * A directory object of the kind named: a house (AddressHouse), a street
 * (levels 7–8) or a settlement (levels 5–6: the levels a house's settlementId
 * points to). Unknown, or outside a municipality officer's reach: NOT_FOUND.
 */
export async function directoryObject(db: Db | DbTx, actor: Actor, kind: TerritoryObjectKind, objectId: bigint) {
  let municipalityId: string | null;
  if (kind === "HOUSE") {
    const house = await db.addressHouse.findUnique({ where: { objectId }, select: { municipalityId: true } });
    if (!house) throw notFound("Адрес не найден в справочнике");
    municipalityId = house.municipalityId;
  } else {
    const object = await db.addressObject.findUnique({ where: { objectId }, select: { municipalityId: true, level: true } });
    if (!object) throw notFound("Адрес не найден в справочнике");
    municipalityId = object.municipalityId;
    const levels = kind === "STREET" ? [7, 8] : [5, 6];
    if (!levels.includes(object.level) && (await reaches(db, actor, municipalityId))) throw badRequest("Выберите адрес из справочника", "garObjectId");
  }
  if (!(await reaches(db, actor, municipalityId))) throw notFound("Адрес не найден в справочнике");
  return { municipalityId: municipalityId! };
}
