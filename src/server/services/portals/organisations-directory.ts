// Open organisations of the caller's region, for choosing where a learner is
// transferred. The registry of organisations is public data, so any school
// role sees the whole region (names only), not just its own organisation.
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";

export async function listOrganisationsDirectory(db: Db, actor: Actor) {
  const rows = await db.organisation.findMany({
    where: { closedAt: null, municipality: { regionId: actor.scope.regionId } },
    orderBy: [{ municipality: { name: "asc" } }, { shortName: "asc" }, { id: "asc" }],
    select: { id: true, shortName: true, municipality: { select: { name: true } } },
  });
  return rows.map((o) => ({ id: o.id, shortName: o.shortName, municipalityName: o.municipality.name }));
}
