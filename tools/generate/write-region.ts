// Writes a planned region table by table, in foreign-key order, each with
// COPY, and reports rows per second.
import type { BulkTarget, Cell } from "./copy";
import { addDays, TODAY } from "./dates";
import { achievementRows, ACHIEVEMENT_COLUMNS, enrolmentRows, ENROLMENT_COLUMNS, EXAM_COLUMNS, examRows, GRADE_COLUMNS, gradeRows, HEALTH_COLUMNS, healthRows, movementRows, MOVEMENT_COLUMNS, pathOf, TRANSFER_COLUMNS, transferRow } from "./history";
import { egeRows, EGE_COLUMNS } from "./ege-results";
import { periodMarkRows, PERIOD_MARK_COLUMNS } from "./period-marks";
import { familyOf, learnerPerson, representativePerson, type Family } from "./people";
import type { RegionPlan } from "./plan";
import { chance, idFor, mix, rng } from "./random";
import { encryptOptional } from "../../src/server/crypto/field-crypto";
import { snilsColumns } from "../../src/server/services/person/identity-fields";
import { searchKey } from "../../src/lib/search-key";
import { familyAddressText, learnerAddressTexts } from "./address-rows";
import { existingSettlements, planRegionAddresses, writeAddresses } from "./write-addresses";

export interface WriteOptions { seed: number; gradeYears: number; actorId: string; log: (line: string) => void }

const DAY = 86_400_000;
const NOW = new Date().toISOString();

export async function writeRegion(db: BulkTarget, plan: RegionPlan, o: WriteOptions): Promise<{ rows: number; seconds: number }> {
  const started = Date.now();
  let total = 0;
  const copy = async (table: string, columns: readonly string[], rows: Iterable<Cell[]>) => {
    const t = Date.now();
    const n = await db.copy(table, columns, rows);
    const s = (Date.now() - t) / 1000;
    total += n;
    o.log(`  ${table.padEnd(22)} ${String(n).padStart(11)} rows ${s.toFixed(1).padStart(7)} s ${String(Math.round(n / Math.max(s, 0.001))).padStart(9)} rows/s`);
  };
  const L = plan.learners;
  // Where each family lives: the generated directory's houses (write-addresses.ts).
  const addressStart = Date.now();
  const addresses = planRegionAddresses(plan, o.seed, await existingSettlements(db, plan));
  o.log(`  planned ${addresses.settlements.length} settlements, ${addresses.streets.length} streets, ${addresses.house.count} houses in ${((Date.now() - addressStart) / 1000).toFixed(1)} s`);
  const each = function* <T>(fn: (i: number) => Iterable<T>): Generator<T> {
    for (let i = 0; i < L.count; i++) yield* fn(i);
  };

  await copy("Municipality", ["id", "regionId", "name", "oktmo"], plan.municipalities.filter((m) => !m.existing).map((m) => [m.id, plan.regionId, m.name, m.oktmo]));
  await copy("Organisation", ["id", "municipalityId", "type", "fullName", "shortName", "inn", "ogrn", "kpp", "founder", "address", "updatedAt"],
    plan.organisations.filter((x) => !x.existing).map((x) => [x.id, plan.municipalities[x.municipality]!.id, x.type, x.fullName, x.shortName, x.inn, x.ogrn, x.kpp, `Администрация: ${plan.municipalities[x.municipality]!.name}`, plan.municipalities[x.municipality]!.town, NOW]));
  await copy("Programme", ["id", "organisationId", "name", "level", "isBasic", "adapted", "ovzCategory", "direction"],
    plan.programmes.map((p) => [p.id, plan.organisations[p.organisation]!.id, p.name, p.level, p.isBasic, p.adapted, p.ovzCategory, p.direction]));
  await copy("SchoolClass", ["id", "organisationId", "programmeId", "academicYear", "grade", "letter"],
    plan.classes.map((c) => [c.id, plan.organisations[c.organisation]!.id, plan.programmes[c.programme]!.id, 2026, c.grade, c.letter]));

  // Birth dates and family flags are kept from the learner pass for the later ones.
  const birthDay = new Int32Array(L.count);
  const families = new Map<number, Family>();
  const familyFor = (head: number) => {
    let f = families.get(head);
    if (!f) {
      f = familyOf(plan, o.seed, head);
      families.set(head, f);
    }
    return f;
  };
  await copy("Learner", LEARNER_COLUMNS, each(function* (i) {
    const person = learnerPerson(plan, o.seed, i, familyFor(L.family[i]!));
    birthDay[i] = Date.parse(person.birthDate) / DAY;
    const address = learnerAddressTexts(plan, addresses, o.seed, i);
    yield [idFor("Learner", i), plan.regionId, person.lastName, person.firstName, person.middleName, searchKey([person.lastName, person.firstName, person.middleName].filter(Boolean).join(" ")), person.birthDate, null, person.sex, ...identityCells("Learner", person), person.citizenship, person.docType, person.docSeries, person.docIssuer, person.docIssuedAt, person.docCountry, address.registration, address.actual, NOW, NOW, address.stay];
  }));
  const birth = (i: number) => new Date(birthDay[i]! * DAY).toISOString().slice(0, 10);

  await copy("Representative", REPRESENTATIVE_COLUMNS, each(function* (head) {
    if (L.family[head] !== head) return;
    const f = familyFor(head);
    const familyAddress = familyAddressText(plan, addresses, o.seed, head);
    for (const slot of [0, 1] as const) {
      if (slot === 0 ? !f.hasMother : !f.hasFather) continue;
      const rep = { ...representativePerson(plan, o.seed, head, slot, f), address: familyAddress };
      yield [idFor("Representative", head * 2 + slot), plan.regionId, rep.lastName, rep.firstName, rep.middleName, rep.birthDate, rep.sex, ...identityCells("Representative", rep), rep.citizenship, rep.docType, rep.docSeries, rep.docIssuer, rep.docIssuedAt, rep.docCountry, rep.address, rep.address, rep.phone, rep.email, NOW, NOW];
    }
  }));
  await copy("LearnerRepresentative", ["learnerId", "representativeId", "relation", "isPrimaryContact"], each(function* (i) {
    const head = L.family[i]!;
    const f = familyFor(head);
    if (f.hasMother) yield [idFor("Learner", i), idFor("Representative", head * 2), f.guardian ? "GUARDIAN" : "MOTHER", true];
    if (f.hasFather) yield [idFor("Learner", i), idFor("Representative", head * 2 + 1), "FATHER", !f.hasMother];
  }));
  const paths = (i: number) => pathOf(plan, o.seed, i, birth(i));
  await copy("Consent", ["id", "learnerId", "representativeId", "givenAt", "scope", "withdrawnAt"], each(function* (i) {
    const head = L.family[i]!;
    const primary = idFor("Representative", head * 2 + (familyFor(head).hasMother ? 0 : 1));
    const givenAt = paths(i).firstDay;
    const withdrawn = chance(rng(mix(o.seed, i + 17_000_023)), 0.005);
    yield [idFor("Consent", i), idFor("Learner", i), primary, givenAt, "Обработка персональных данных обучающегося в АИС «Контингент обучающихся»", withdrawn ? addDays(TODAY, -30) : null];
  }));
  families.clear();
  await copy("Enrolment", ENROLMENT_COLUMNS, each((i) => enrolmentRows(plan, i, paths(i))));
  await copy("Transfer", TRANSFER_COLUMNS, each(function* (i) {
    const row = transferRow(plan, i, paths(i), o.actorId);
    if (row) yield row;
  }));
  await copy("MovementEvent", MOVEMENT_COLUMNS, each((i) => movementRows(plan, i, paths(i), o.actorId)));
  await copy("HealthRecord", HEALTH_COLUMNS, each((i) => healthRows(plan, o.seed, i, birth(i), o.actorId)));
  await copy("Achievement", ACHIEVEMENT_COLUMNS, each((i) => achievementRows(plan, o.seed, i, o.actorId)));
  const subjectIds = new Map((await db.query(`SELECT "name", "id"::text AS "id" FROM "Subject"`)).map((s) => [String(s.name), String(s.id)]));
  await copy("ExamResult", EXAM_COLUMNS, each((i) => examRows(plan, o.seed, i, o.actorId, subjectIds)));
  await copy("SubjectGrade", GRADE_COLUMNS, each((i) => gradeRows(plan, o.seed, i, o.gradeYears, o.actorId, subjectIds)));
  const subjectsByCode = new Map((await db.query(`SELECT "code", "name", "id"::text AS "id" FROM "Subject"`)).map((s) => [String(s.code), { id: String(s.id), name: String(s.name) }]));
  await copy("SubjectGrade", PERIOD_MARK_COLUMNS, each((i) => periodMarkRows(plan, o.seed, i, o.actorId, subjectsByCode)));
  await copy("ExamResult", EGE_COLUMNS, each((i) => egeRows(plan, o.seed, i, birth(i), o.actorId, subjectsByCode)));
  // The load skips row triggers, the federal change log's among them: one
  // change per learner puts the whole region in the feed, as a replay needs.
  await copy("LearnerChange", ["learnerId"], each(function* (i) {
    yield [idFor("Learner", i)];
  }));
  await writeAddresses(db, copy, plan, addresses, { seed: o.seed, actorId: o.actorId, now: NOW });
  return { rows: total, seconds: (Date.now() - started) / 1000 };
}

// Identifying columns are stored as the application stores them: SNILS and
// document number encrypted, SNILS found by its blind index (one mapping,
// src/server/services/person/identity-fields.ts).
function identityCells(model: "Learner" | "Representative", person: { snils: string | null; docNumber: string }): Cell[] {
  const snils = snilsColumns(model, person.snils);
  const doc = encryptOptional(person.docNumber, `${model}.docNumber`);
  return model === "Learner"
    ? [snils.snilsEnc, snils.snilsIndex, (snils as { snilsChecksumOk: boolean | null }).snilsChecksumOk, doc]
    : [snils.snilsEnc, snils.snilsIndex, doc];
}

// searchName is the learner_search_name trigger's value (the load skips row triggers).
const LEARNER_COLUMNS = ["id", "regionId", "lastName", "firstName", "middleName", "searchName", "birthDate", "birthPlace", "sex", "snilsEnc", "snilsIndex", "snilsChecksumOk", "docNumberEnc", "citizenship", "docType", "docSeries", "docIssuer", "docIssuedAt", "docCountry", "registrationAddress", "actualAddress", "createdAt", "updatedAt", "stayAddress"];
const REPRESENTATIVE_COLUMNS = ["id", "regionId", "lastName", "firstName", "middleName", "birthDate", "sex", "snilsEnc", "snilsIndex", "docNumberEnc", "citizenship", "docType", "docSeries", "docIssuer", "docIssuedAt", "docCountry", "registrationAddress", "actualAddress", "phone", "email", "createdAt", "updatedAt"];
