// The organisations registry for EDU_OFFICER: list, read, create, edit, close.
// A municipality-scoped officer works only inside its municipality; outside
// it an organisation does not exist for them (NOT_FOUND). Every change is
// audited in its own transaction with the names of the fields it changed.
import type {
  CloseOrganisationInput,
  CreateOrganisationInput,
  ListOrganisationsInput,
  UpdateOrganisationInput,
} from "@/lib/schemas/organisation";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { organisationScopeWhere } from "../../authz/scope";
import type { Db, DbTx } from "../../db";
import { badRequest, conflict, notFound } from "../../errors";
import { changedFields, day } from "../person/person-data";
import { HELD_ENROLMENT, organisationViewSelect, toOrganisationView } from "./organisation-view";
import { likeLiteral } from "../../db/like";

type AuditIp = { ip: string | null };
const NOT_FOUND = "Организация не найдена";

/** Columns an organisation form writes; optional fields become NULL, dates Date. */
function toColumns(input: CreateOrganisationInput) {
  return {
    municipalityId: input.municipalityId,
    type: input.type,
    fullName: input.fullName,
    shortName: input.shortName,
    inn: input.inn,
    ogrn: input.ogrn,
    kpp: input.kpp,
    founder: input.founder,
    licenceNumber: input.licenceNumber ?? null,
    licenceDate: input.licenceDate ? day(input.licenceDate) : null,
    address: input.address ?? null,
    headName: input.headName ?? null,
  };
}

export async function listOrganisations(db: Db, actor: Actor, input: ListOrganisationsInput) {
  const search = input.search?.trim();
  const digits = search && /^\d+$/.test(search) ? search : null;
  const where = {
    AND: [
      organisationScopeWhere(actor.scope),
      input.municipalityId ? { municipalityId: input.municipalityId } : {},
      input.type ? { type: input.type } : {},
      input.status === "open" ? { closedAt: null } : input.status === "closed" ? { closedAt: { not: null } } : {},
      search
        ? {
            OR: [
              { fullName: { contains: likeLiteral(search), mode: "insensitive" as const } },
              { shortName: { contains: likeLiteral(search), mode: "insensitive" as const } },
              ...(digits ? [{ inn: { startsWith: digits } }, { ogrn: { startsWith: digits } }] : []),
            ],
          }
        : {},
    ],
  };
  const [total, rows] = await db.$transaction([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      select: organisationViewSelect,
      orderBy: [{ shortName: "asc" }, { id: "asc" }],
      skip: input.page * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { total, rows: rows.map(toOrganisationView) };
}

async function findInScope(tx: DbTx, actor: Actor, id: string) {
  const row = await tx.organisation.findFirst({ where: { AND: [{ id }, organisationScopeWhere(actor.scope)] } });
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

export async function getOrganisation(db: Db, actor: Actor, id: string) {
  const row = await db.organisation.findFirst({
    where: { AND: [{ id }, organisationScopeWhere(actor.scope)] },
    select: organisationViewSelect,
  });
  if (!row) throw notFound(NOT_FOUND);
  return toOrganisationView(row);
}

/** Municipalities the actor may put an organisation in (filters and form). */
export async function listMunicipalityOptions(db: Db, actor: Actor) {
  const municipalities = await db.municipality.findMany({
    where: { regionId: actor.scope.regionId, ...(actor.scope.kind === "REGION" ? {} : { id: actor.scope.municipalityId }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { municipalities };
}

async function checkMunicipality(tx: DbTx, actor: Actor, municipalityId: string) {
  if (actor.scope.kind !== "REGION" && actor.scope.municipalityId !== municipalityId) {
    throw badRequest("Можно указать только свой муниципалитет", "municipalityId");
  }
  const found = await tx.municipality.findFirst({ where: { id: municipalityId, regionId: actor.scope.regionId }, select: { id: true } });
  if (!found) throw badRequest("Выберите муниципалитет из списка", "municipalityId");
}

/** INN and OGRN are unique in the whole registry (closed organisations included). */
async function checkUnique(tx: DbTx, input: { inn: string; ogrn: string }, exceptId?: string) {
  const others = await tx.organisation.findMany({
    where: { OR: [{ inn: input.inn }, { ogrn: input.ogrn }], ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { inn: true, ogrn: true },
  });
  if (others.some((o) => o.inn === input.inn)) throw conflict("Организация с таким ИНН уже есть в реестре", "inn");
  if (others.some((o) => o.ogrn === input.ogrn)) throw conflict("Организация с таким ОГРН уже есть в реестре", "ogrn");
}

export async function createOrganisation(db: Db, actor: Actor, input: CreateOrganisationInput, meta: AuditIp) {
  return db.$transaction(async (tx) => {
    await checkMunicipality(tx, actor, input.municipalityId);
    await checkUnique(tx, input);
    const created = await tx.organisation.create({ data: toColumns(input), select: organisationViewSelect });
    await recordAudit(tx, auditActorOf(actor, meta.ip), {
      action: "organisation.create",
      entityType: "Organisation",
      entityId: created.id,
      details: { inn: created.inn, ogrn: created.ogrn, type: created.type, municipalityId: created.municipality.id },
    });
    return toOrganisationView(created);
  });
}

export async function updateOrganisation(db: Db, actor: Actor, input: UpdateOrganisationInput, meta: AuditIp) {
  return db.$transaction(async (tx) => {
    const before = await findInScope(tx, actor, input.id);
    if (input.municipalityId !== before.municipalityId) await checkMunicipality(tx, actor, input.municipalityId);
    await checkUnique(tx, input, before.id);
    const next = toColumns(input);
    const changed = changedFields(before, next);
    const updated = await tx.organisation.update({ where: { id: before.id }, data: next, select: organisationViewSelect });
    await recordAudit(tx, auditActorOf(actor, meta.ip), {
      action: "organisation.update",
      entityType: "Organisation",
      entityId: before.id,
      details: { changed },
    });
    return toOrganisationView(updated);
  });
}

export async function closeOrganisation(db: Db, actor: Actor, input: CloseOrganisationInput, meta: AuditIp) {
  return db.$transaction(async (tx) => {
    const before = await findInScope(tx, actor, input.id);
    if (before.closedAt) throw conflict("Организация уже закрыта");
    // A learner on the books must leave or move first: closing would strand them.
    const held = await tx.enrolment.count({ where: { organisationId: before.id, ...HELD_ENROLMENT } });
    if (held > 0) {
      throw conflict(
        `Нельзя закрыть организацию: в ней ${held} ${learnersWord(held)}. Сначала оформите их выбытие или перевод`,
        undefined,
        { activeLearners: held },
      );
    }
    const closed = await tx.organisation.update({
      where: { id: before.id },
      data: { closedAt: day(input.closedAt) },
      select: organisationViewSelect,
    });
    await recordAudit(tx, auditActorOf(actor, meta.ip), {
      action: "organisation.close",
      entityType: "Organisation",
      entityId: before.id,
      details: { closedAt: input.closedAt },
    });
    return toOrganisationView(closed);
  });
}

/** «обучающийся» agreeing with a number: 1 обучающийся, 2 обучающихся, 5 обучающихся. */
function learnersWord(n: number) {
  return n % 10 === 1 && n % 100 !== 11 ? "обучающийся" : "обучающихся";
}
