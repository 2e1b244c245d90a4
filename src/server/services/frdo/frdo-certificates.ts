// Which certificates an export covers: the organisations of the caller's
// choice within its scope (a school: its own; the ministry: a municipality or
// an organisation of its municipality or region, NOT_FOUND outside it), and
// the certificates those organisations issued in the period, decrypted.
import { compareRu } from "@/lib/collation";
import type { FrdoInput } from "@/lib/schemas/frdo";
import type { Actor } from "../../auth/actor";
import type { DbTx } from "../../db";
import { badRequest, notFound } from "../../errors";
import { drillMunicipality, resolveDrill, territoryName } from "../dashboards/scope";
import { decryptIdentity } from "../person/identity-fields";
import { day } from "../person/person-data";
import type { FrdoCertificate } from "./frdo-columns";

/** One file at most: a region's year of certificates is far below it; more is a municipality at a time. */
export const MAX_FRDO_ROWS = 100_000;

export interface FrdoSelection {
  organisationIds: string[];
  /** The territory's name for the page and the audit: the school, the municipality or the region. */
  territory: string;
}

export async function selectOrganisations(tx: DbTx, actor: Actor, input: FrdoInput): Promise<FrdoSelection> {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") {
    // A school exports its own certificates only; naming another place reveals nothing.
    if ((input.organisationId && input.organisationId !== scope.organisationId) || (input.municipalityId && input.municipalityId !== scope.municipalityId)) {
      throw notFound("Организация не найдена");
    }
    const own = await tx.organisation.findUniqueOrThrow({ where: { id: scope.organisationId }, select: { shortName: true } });
    return { organisationIds: [scope.organisationId], territory: own.shortName };
  }
  const drill = await resolveDrill(tx, actor, { municipalityId: input.municipalityId, organisationId: input.organisationId });
  const municipalityId = drillMunicipality(actor, drill);
  const where = drill.organisationId ? { id: drill.organisationId } : municipalityId ? { municipalityId } : { municipality: { regionId: drill.regionId } };
  const organisations = await tx.organisation.findMany({ where, select: { id: true } });
  return { organisationIds: organisations.map((o) => o.id), territory: await territoryName(tx, actor, drill) };
}

const learnerSelect = { lastName: true, firstName: true, middleName: true, birthDate: true, sex: true, snilsEnc: true, citizenship: true } as const;

/** The certificates issued by the organisations from `from` to `to` (both included), sorted for the file. */
export async function loadCertificates(tx: DbTx, organisationIds: string[], input: FrdoInput): Promise<FrdoCertificate[]> {
  const rows = await tx.certificate.findMany({
    where: { organisationId: { in: organisationIds }, issuedAt: { gte: day(input.from), lte: day(input.to) } },
    select: {
      id: true,
      learnerId: true,
      organisationId: true,
      level: true,
      series: true,
      number: true,
      registrationNumber: true,
      issuedAt: true,
      withHonours: true,
      duplicate: true,
      state: true,
      originalSeries: true,
      originalNumber: true,
      originalRegistrationNumber: true,
      originalIssuedAt: true,
      learner: { select: learnerSelect },
    },
    take: MAX_FRDO_ROWS + 1,
  });
  if (rows.length > MAX_FRDO_ROWS) {
    throw badRequest(`В периоде больше ${MAX_FRDO_ROWS.toLocaleString("ru-RU")} аттестатов: выберите муниципалитет или период короче`, "to");
  }
  const organisations = await tx.organisation.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.organisationId))] } },
    select: { id: true, fullName: true, shortName: true, ogrn: true, inn: true, kpp: true, municipality: { select: { region: { select: { name: true } } } } },
  });
  const byId = new Map(organisations.map(({ municipality, ...o }) => [o.id, { ...o, region: municipality.region.name }]));
  return rows
    .map(({ learner, organisationId, ...c }): FrdoCertificate => {
      const holder = decryptIdentity("Learner", learner);
      return { ...c, ...holder, organisation: byId.get(organisationId)! };
    })
    .sort(
      (a, b) =>
        compareRu(a.organisation.shortName, b.organisation.shortName) ||
        a.level.localeCompare(b.level) ||
        a.issuedAt.getTime() - b.issuedAt.getTime() ||
        a.number.localeCompare(b.number),
    );
}
