// The landing figures of each portal, always within the caller's scope.
import type { Actor } from "../../auth/actor";
import { organisationScopeWhere } from "../../authz/scope";
import type { Db } from "../../db";
import { notFound } from "../../errors";

export async function describeActor(db: Db, actor: Actor) {
  const region = await db.region.findUnique({ where: { id: actor.scope.regionId }, select: { name: true } });
  const municipality =
    actor.scope.kind === "REGION"
      ? null
      : await db.municipality.findUnique({ where: { id: actor.scope.municipalityId }, select: { name: true } });
  const organisation =
    actor.scope.kind === "ORGANISATION"
      ? await db.organisation.findUnique({ where: { id: actor.scope.organisationId }, select: { shortName: true } })
      : null;
  return {
    login: actor.login,
    fullName: actor.fullName,
    role: actor.role,
    portal: actor.portal,
    scope: {
      kind: actor.scope.kind,
      regionName: region?.name ?? "",
      municipalityName: municipality?.name ?? null,
      organisationName: organisation?.shortName ?? null,
    },
  };
}

/** The school card of a school role's own organisation. */
export async function getOwnOrganisation(db: Db, actor: Actor) {
  if (actor.scope.kind !== "ORGANISATION") throw notFound();
  const org = await db.organisation.findUnique({
    where: { id: actor.scope.organisationId },
    select: {
      id: true,
      fullName: true,
      shortName: true,
      type: true,
      inn: true,
      ogrn: true,
      kpp: true,
      address: true,
      headName: true,
      municipality: { select: { name: true } },
      _count: { select: { users: { where: { active: true } } } },
    },
  });
  if (!org) throw notFound();
  const { _count, municipality, ...rest } = org;
  return { ...rest, municipalityName: municipality.name, activeStaffAccounts: _count.users };
}

/** Open organisations per municipality, for the oversight portals. */
export async function countOrganisationsByMunicipality(db: Db, actor: Actor) {
  const rows = await db.organisation.groupBy({
    by: ["municipalityId", "type"],
    where: { ...organisationScopeWhere(actor.scope), closedAt: null },
    _count: { _all: true },
  });
  const municipalities = await db.municipality.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.municipalityId))] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return municipalities.map((m) => {
    const own = rows.filter((r) => r.municipalityId === m.id);
    return {
      municipalityId: m.id,
      municipalityName: m.name,
      total: own.reduce((sum, r) => sum + r._count._all, 0),
      byType: Object.fromEntries(own.map((r) => [r.type, r._count._all])),
    };
  });
}
