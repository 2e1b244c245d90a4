// Which municipality's register a caller works on: a municipality's officer
// its own (another one named → NOT_FOUND, as if it did not exist); a region's
// officer the one it chose, of its region. The named check first, so a wrong
// role is FORBIDDEN whatever it names.
import type { Actor } from "../../auth/actor";
import { canManageChildrenAccount, permits } from "../../authz/permissions";
import type { Db, DbTx } from "../../db";
import { badRequest, forbidden, notFound } from "../../errors";

export interface ResidentMunicipality {
  id: string;
  regionId: string;
  name: string;
}

export function requireChildrenAccount(actor: Actor): void {
  if (!permits(canManageChildrenAccount, actor) || actor.scope.kind === "ORGANISATION") throw forbidden();
}

export async function residentMunicipality(tx: Db | DbTx, actor: Actor, requested: string | null | undefined): Promise<ResidentMunicipality> {
  requireChildrenAccount(actor);
  const scope = actor.scope;
  if (scope.kind === "MUNICIPALITY" && requested && requested !== scope.municipalityId) throw notFound();
  const id = scope.kind === "MUNICIPALITY" ? scope.municipalityId : requested;
  if (!id) throw badRequest("Выберите муниципалитет", "municipalityId");
  const row = await tx.municipality.findFirst({ where: { id, regionId: scope.regionId }, select: { id: true, regionId: true, name: true } });
  if (!row) throw notFound();
  return row;
}

/** A resident of the caller's municipality (or region), else NOT_FOUND. */
export async function residentInScope(tx: DbTx, actor: Actor, residentId: string) {
  requireChildrenAccount(actor);
  const scope = actor.scope;
  const row = await tx.residentChild.findFirst({
    where: { id: residentId, ...(scope.kind === "MUNICIPALITY" ? { municipalityId: scope.municipalityId } : { municipality: { regionId: scope.regionId } }) },
  });
  if (!row) throw notFound();
  return row;
}
