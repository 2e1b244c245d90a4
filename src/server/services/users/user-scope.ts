// Turns the scope chosen in the admin form into the stored scope columns,
// checking it against the access matrix and the admin's region.
import type { CreateUserInput } from "@/lib/schemas/users";
import { allowedScopes } from "../../authz/matrix";
import type { DbTx } from "../../db";
import { badRequest } from "../../errors";

type ScopeInput = Pick<CreateUserInput, "role" | "scopeKind" | "municipalityId" | "organisationId">;

export async function resolveUserScope(tx: DbTx, regionId: string, input: ScopeInput) {
  if (!(allowedScopes(input.role) as readonly string[]).includes(input.scopeKind)) {
    throw badRequest("Эта область доступа недопустима для выбранной роли", "scopeKind");
  }
  if (input.scopeKind === "ORGANISATION") {
    const org = input.organisationId
      ? await tx.organisation.findFirst({
          where: { id: input.organisationId, municipality: { regionId } },
          select: { id: true },
        })
      : null;
    if (!org) throw badRequest("Выберите организацию", "organisationId");
    return { scopeKind: input.scopeKind, organisationId: org.id, municipalityId: null };
  }
  if (input.scopeKind === "MUNICIPALITY") {
    const mun = input.municipalityId
      ? await tx.municipality.findFirst({ where: { id: input.municipalityId, regionId }, select: { id: true } })
      : null;
    if (!mun) throw badRequest("Выберите муниципалитет", "municipalityId");
    return { scopeKind: input.scopeKind, organisationId: null, municipalityId: mun.id };
  }
  return { scopeKind: input.scopeKind, organisationId: null, municipalityId: null };
}
