// The school's page «Адреса не найдены в ГАР»: its held learners' addresses
// the directory did not match to a house, and their correction — a house
// picked from the suggestions (HOUSE) or the text confirmed as it is (MANUAL).
// The list names its learners in its audit row; each correction is a write.
import { parseAddress } from "@/lib/addresses/parse";
import { ADDRESS_FIELD, type FixLearnerAddressInput, type LearnerAddressListInput } from "@/lib/schemas/learner-addresses";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canFixLearnerAddresses, permits } from "../../authz/permissions";
import { learnersHeldBy, requireLearnerAccess } from "../../authz/relationship";
import type { Db, DbTx } from "../../db";
import { badRequest, conflict, forbidden, notFound } from "../../errors";
import { directoryHouses } from "./directory-houses";
import { houseRow, upsertAddressRows, type AddressRow } from "./sync";
import type { UnmatchedAddressList } from "./views";

const UNRESOLVED = ["UNMATCHED" as const, "STREET" as const];

/** The nav badge: how many of the school's held learners' addresses wait for it (a count, no names: not audited). */
export async function countUnmatchedAddresses(db: Db, actor: Actor): Promise<number> {
  if (!permits(canFixLearnerAddresses, actor) || actor.scope.kind !== "ORGANISATION") return 0;
  return db.learnerAddress.count({ where: { match: { in: UNRESOLVED }, learner: learnersHeldBy(actor.scope.organisationId) } });
}

export async function listUnmatchedAddresses(db: Db, actor: Actor, input: LearnerAddressListInput, ip: string | null): Promise<UnmatchedAddressList> {
  // The procedure's check again; the scope test narrows the type.
  if (!permits(canFixLearnerAddresses, actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
  const organisationId = actor.scope.organisationId;
  const where = {
    match: input.match ?? { in: UNRESOLVED },
    learner: learnersHeldBy(organisationId),
  };
  return db.$transaction(async (tx) => {
    const total = await tx.learnerAddress.count({ where });
    const found = await tx.learnerAddress.findMany({
      where,
      include: { learner: { select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true } } },
      orderBy: [{ learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }, { learnerId: "asc" }, { kind: "asc" }],
      skip: input.page * input.pageSize,
      take: input.pageSize,
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.address.list.read",
      entityType: "Organisation",
      entityId: organisationId,
      details: { match: input.match ?? "ALL", page: input.page, rows: found.length, total },
      learnerIds: found.map((r) => r.learnerId),
    });
    return {
      total,
      rows: found.map((r) => ({
        learner: r.learner,
        kind: r.kind,
        match: r.match,
        text: r.sourceText ?? "",
        recognised: { postcode: r.postcode, settlement: r.settlement, street: r.street, house: r.house, building: r.building, flat: r.flat },
      })),
    };
  });
}

export async function fixLearnerAddress(db: Db, actor: Actor, input: FixLearnerAddressInput, ip: string | null) {
  if (!permits(canFixLearnerAddresses, actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    await requireLearnerAccess(tx, actor, input.learnerId, "PERSONAL", "write");
    const learner = await tx.learner.findUniqueOrThrow({
      where: { id: input.learnerId },
      select: { registrationAddress: true, stayAddress: true, actualAddress: true },
    });
    const text = learner[ADDRESS_FIELD[input.kind]]?.trim();
    if (!text) throw notFound("Такого адреса у обучающегося нет");
    // The page showed another text: someone edited the card since.
    if (text !== input.text.trim()) throw conflict("Адрес изменён после открытия страницы: обновите страницу", "text");
    const row = input.action === "house" ? await pickedRow(tx, input.learnerId, input.kind, text, input.garHouseId) : await confirmedRow(tx, input.learnerId, input.kind, text);
    await upsertAddressRows(tx, [row]);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.address.fix",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { kind: input.kind, action: input.action, match: row.match, garHouseId: row.garHouseId },
    });
    return { learnerId: input.learnerId, kind: input.kind, match: row.match };
  });
}

async function pickedRow(tx: DbTx, learnerId: string, kind: FixLearnerAddressInput["kind"], text: string, garHouseId: string): Promise<AddressRow> {
  const house = (await directoryHouses(tx, [garHouseId])).get(garHouseId);
  if (!house) throw badRequest("Дом не найден в ГАР: выберите его из подсказок заново", "garHouseId");
  return houseRow(learnerId, kind, text, house, parseAddress(text).flat ?? null);
}

/** The text as it is, with what was recognised of it kept: MANUAL, no directory house. */
async function confirmedRow(tx: DbTx, learnerId: string, kind: FixLearnerAddressInput["kind"], text: string): Promise<AddressRow> {
  const stored = await tx.learnerAddress.findUnique({ where: { learnerId_kind: { learnerId, kind } } });
  const parsed = parseAddress(text);
  const same = stored?.sourceText === text ? stored : null;
  return {
    learnerId,
    kind,
    municipalityId: same?.municipalityId ?? null,
    settlement: same ? same.settlement : (parsed.settlement ?? null),
    street: same ? same.street : (parsed.street ?? null),
    house: same ? same.house : (parsed.house ?? null),
    building: same ? same.building : (parsed.building ?? null),
    flat: same ? same.flat : (parsed.flat ?? null),
    postcode: same ? same.postcode : (parsed.postcode ?? null),
    garHouseId: null,
    garObjectId: same?.garObjectId?.toString() ?? null,
    match: "MANUAL",
    sourceText: text,
  };
}
