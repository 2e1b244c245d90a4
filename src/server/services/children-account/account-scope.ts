// Whose account: a municipality's officer reads its own municipality (another
// one, or one of another region, answers NOT_FOUND, so its existence is not
// revealed); the region's officer must name one of the region's. School scopes
// never reach here (the named check refuses them), and are refused again.
import { academicYearStart } from "@/lib/movement/period";
import { regionToday } from "@/lib/time-zone";
import type { AccountParams } from "@/lib/schemas/children-account";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest, forbidden, notFound } from "../../errors";
import type { AccountWhen } from "./sql-parts";

export async function accountMunicipality(db: Db | DbTx, actor: Actor, municipalityId: string | undefined): Promise<{ id: string; name: string }> {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") throw forbidden();
  const id = municipalityId ?? (scope.kind === "MUNICIPALITY" ? scope.municipalityId : null);
  if (!id) throw badRequest("Выберите муниципалитет", "municipalityId");
  const found = await db.municipality.findFirst({ where: { id, regionId: scope.regionId }, select: { id: true, name: true } });
  if (!found || (scope.kind === "MUNICIPALITY" && found.id !== scope.municipalityId)) throw notFound("Муниципалитет не найден");
  return found;
}

/** D (default today), Y and its 1 September, and the «left since» date (default that 1 September). */
export function accountWhen(municipalityId: string, params: Pick<AccountParams, "date" | "since">): AccountWhen & { since: string } {
  const date = params.date ?? regionToday();
  const sept1 = academicYearStart(date);
  return { municipalityId, date, sept1, year: Number(sept1.slice(0, 4)), since: params.since ?? sept1 };
}
