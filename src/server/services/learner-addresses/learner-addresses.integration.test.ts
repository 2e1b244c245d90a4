// Learners' structured addresses against a real database (issue 22): the
// learner's create/update resolves its three texts, a picked house is stored
// as found, the import and the operator's command fill the rows in, and the
// school's page corrects them — by role and scope, audited.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadActor } from "../../auth/actor";
import { createAddressFixture, type AddressFixture } from "../../testing/address-fixtures";
import { callerAs } from "../../testing/callers";
import { HEADERS, learnerRow, snilsFor, toCsv } from "../../testing/import-fixtures";
import { learnerInput } from "../../testing/learner-fixtures";
import { signedInClaims } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { importLearners } from "../learners/import/import-learners";
import { readRows } from "../learners/import/read-file";
import { matchAllLearnerAddresses, reportCsv, unmatchedReport } from "./match-all";

// A settlement name of its own, so the demo directory (if loaded) cannot make it ambiguous.
const TOWN = "Адресовск";
const HOME = `г. ${TOWN}, ул. Школьная, д. 3, кв. 7`;
const JUNK = "где-то за рекой, у старой мельницы";
/** The street is in the directory, house 99 is not. */
const STREET_ONLY = `г. ${TOWN}, ул. Школьная, д. 99`;

describeDb("learners' structured addresses", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let dir: AddressFixture;
  let registrar: Awaited<ReturnType<typeof callerAs>>;
  let medic: Awaited<ReturnType<typeof callerAs>>;
  let otherSchool: Awaited<ReturnType<typeof callerAs>>;
  let zarId: string;
  const rows = async (learnerId: string) =>
    db.prisma.learnerAddress.findMany({ where: { learnerId }, orderBy: { kind: "asc" } });
  const row = async (learnerId: string, kind: "RESIDENCE" | "STAY" | "ACTUAL") =>
    db.prisma.learnerAddress.findUnique({ where: { learnerId_kind: { learnerId, kind } } });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    zarId = (await db.prisma.municipality.findUniqueOrThrow({ where: { oktmo: "99701000001" } })).id;
    dir = await createAddressFixture(db.prisma, { municipalityId: zarId, settlementName: TOWN, postcode: "199101" });
    registrar = await callerAs(db.prisma, "school.registrar"); // МБОУ СОШ № 1, Заречный
    medic = await callerAs(db.prisma, "school.medic");
    otherSchool = await callerAs(db.prisma, "school2.admin"); // МБОУ СОШ № 4, Озёрский
  });
  afterAll(() => db?.close());

  it("create resolves each text: a directory house, junk unmatched, no text no row", async () => {
    const { id } = await registrar.learners.create(learnerInput({ acknowledgeDuplicate: true, learner: { registrationAddress: HOME, stayAddress: JUNK } }));
    const [residence, stay, ...rest] = await rows(id);
    expect(rest).toEqual([]);
    expect(residence).toMatchObject({ kind: "RESIDENCE", match: "HOUSE", garHouseId: dir.streetAHouses[2], garObjectId: dir.streetIds[0], municipalityId: zarId, flat: "7", sourceText: HOME });
    expect(residence).toMatchObject({ settlement: `г. ${TOWN}`, street: "ул. Школьная", house: "3", postcode: "199101" });
    expect(stay).toMatchObject({ kind: "STAY", match: "UNMATCHED", garHouseId: null, sourceText: JUNK });
    const card = await registrar.learners.card({ id });
    if (card.view !== "personal") throw new Error("the holding school sees the personal view");
    expect(card.learner.stayAddress).toBe(JUNK);
    expect(card.learner.addresses.map((a) => [a.kind, a.match])).toEqual([["RESIDENCE", "HOUSE"], ["STAY", "UNMATCHED"]]);
  });

  it("update: the stay row follows its text, a changed text is resolved again, a picked house is stored as found", async () => {
    const input = learnerInput({ acknowledgeDuplicate: true, learner: { registrationAddress: HOME, stayAddress: JUNK } });
    const { id } = await registrar.learners.create(input);
    const learner = { ...input.learner, stayAddress: undefined, registrationAddress: JUNK, actualAddress: `г. ${TOWN}, ул. Садовая, д. 2` };
    await registrar.learners.update({ id, learner });
    expect((await rows(id)).map((r) => [r.kind, r.match])).toEqual([["RESIDENCE", "UNMATCHED"], ["ACTUAL", "HOUSE"]]);
    expect((await row(id, "ACTUAL"))!.garHouseId).toBe(dir.streetBHouses[1]);

    // The form picked a house for a text the parser would not find: the directory's parts, the text's flat.
    const picked = { ...learner, registrationAddress: "Адресовск-Школьная-пять, кв. 12" };
    await registrar.learners.update({ id, learner: picked, addressHouses: { RESIDENCE: dir.streetAHouses[4]!.toString() } });
    expect(await row(id, "RESIDENCE")).toMatchObject({ match: "HOUSE", garHouseId: dir.streetAHouses[4], house: "5", street: "ул. Школьная", flat: "12" });
    // Saved again unchanged and without a pick: the pick stays.
    await registrar.learners.update({ id, learner: picked });
    expect(await row(id, "RESIDENCE")).toMatchObject({ match: "HOUSE", garHouseId: dir.streetAHouses[4] });

    const unknown = registrar.learners.update({ id, learner: picked, addressHouses: { RESIDENCE: "999999999999999" } });
    await expect(unknown).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(unknown).rejects.toMatchObject({ message: "Дом не найден в ГАР: выберите его из подсказок заново" });
  });

  it("the school confirms or picks on its page: registrar allowed, medic forbidden, another school not found", async () => {
    const input = learnerInput({ acknowledgeDuplicate: true, learner: { registrationAddress: JUNK, stayAddress: STREET_ONLY } });
    const { id } = await registrar.learners.create(input);
    const held = await otherSchool.learners.create(learnerInput({ acknowledgeDuplicate: true, learner: { registrationAddress: JUNK } }));

    const list = await registrar.learnerAddresses.list({});
    const mine = list.rows.filter((r) => r.learner.id === id);
    expect(mine.map((r) => [r.kind, r.match])).toEqual([["RESIDENCE", "UNMATCHED"], ["STAY", "STREET"]]);
    expect(mine[1]!.recognised).toMatchObject({ settlement: `г. ${TOWN}`, street: "ул. Школьная", house: "99" });
    expect(list.rows.some((r) => r.learner.id === held.id)).toBe(false);
    const read = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.address.list.read" }, orderBy: { id: "desc" } });
    const named = (await db.prisma.auditEventLearner.findMany({ where: { eventId: read.id } })).map((l) => l.learnerId);
    expect(named).toContain(id);
    expect(named).not.toContain(held.id);

    const confirm = { action: "confirm" as const, learnerId: id, kind: "RESIDENCE" as const, text: JUNK };
    await expect(medic.learnerAddresses.fix(confirm)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(medic.learnerAddresses.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(otherSchool.learnerAddresses.fix(confirm)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A learner of another school named by id: as if it did not exist.
    await expect(registrar.learnerAddresses.fix({ ...confirm, learnerId: held.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A text the page did not show.
    await expect(registrar.learnerAddresses.fix({ ...confirm, text: "другой текст" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await row(held.id, "RESIDENCE")).toMatchObject({ match: "UNMATCHED" });

    await registrar.learnerAddresses.fix(confirm);
    expect(await row(id, "RESIDENCE")).toMatchObject({ match: "MANUAL", sourceText: JUNK });
    await registrar.learnerAddresses.fix({ action: "house", learnerId: id, kind: "STAY", text: STREET_ONLY, garHouseId: dir.streetAHouses[0]!.toString() });
    expect(await row(id, "STAY")).toMatchObject({ match: "HOUSE", garHouseId: dir.streetAHouses[0] });
    const fixes = await db.prisma.auditEvent.findMany({ where: { action: "learner.address.fix", entityId: id }, orderBy: { id: "asc" } });
    expect(fixes.map((f) => f.details)).toMatchObject([{ kind: "RESIDENCE", action: "confirm", match: "MANUAL" }, { kind: "STAY", action: "house", match: "HOUSE" }]);

    // A re-sync with the same text keeps the school's confirmation; a new text is resolved again.
    const { learner } = input;
    await registrar.learners.update({ id, learner });
    await matchAllLearnerAddresses(db.prisma);
    expect(await row(id, "RESIDENCE")).toMatchObject({ match: "MANUAL" });
    await registrar.learners.update({ id, learner: { ...learner, registrationAddress: `${JUNK}, дом 2` } });
    expect(await row(id, "RESIDENCE")).toMatchObject({ match: "UNMATCHED", sourceText: `${JUNK}, дом 2` });
  });

  it("an import's new learners get their rows in the same commit", async () => {
    const actor = (await loadActor(db.prisma, await signedInClaims(db.prisma, "school.registrar")))!;
    const col = (h: string) => HEADERS.indexOf(h);
    const file = Array.from({ length: 3 }, (_, i) => {
      const r = learnerRow(900 + i, { "СНИЛС": snilsFor(77_000 + i), "Представитель: СНИЛС": snilsFor(88_000 + i) });
      r[col("Адрес регистрации")] = `г. ${TOWN}, ул. Садовая, д. ${i + 1}`;
      r[col("Адрес регистрации по месту пребывания")] = i === 0 ? JUNK : "";
      return r;
    });
    const sheet = await readRows(new Uint8Array(Buffer.from(toCsv([HEADERS, ...file]), "utf8")), "addresses.csv");
    const result = await importLearners(db.prisma, actor, sheet, { commit: true, fileName: "addresses.csv", ip: null });
    expect(result).toMatchObject({ committed: true, created: 3, errorCount: 0 });
    const imported = await db.prisma.learnerAddress.findMany({ where: { kind: "RESIDENCE", sourceText: { startsWith: `г. ${TOWN}, ул. Садовая` } }, orderBy: { garHouseId: "asc" } });
    expect(imported.map((r) => r.garHouseId)).toEqual(dir.streetBHouses.slice(0, 3));
    expect(await db.prisma.learnerAddress.count({ where: { learnerId: { in: imported.map((r) => r.learnerId) }, kind: "STAY", match: "UNMATCHED" } })).toBe(1);
  });

  it("the operator's command matches addresses written before rows existed and reports the rest without names", async () => {
    const { id } = await registrar.learners.create(learnerInput({ acknowledgeDuplicate: true }));
    // As a registry held them before issue 22: texts, no rows.
    await db.prisma.learner.update({ where: { id }, data: { registrationAddress: `г. ${TOWN}, ул. Садовая, д. 5`, actualAddress: "=HYPERLINK(\"x\")" } });
    await db.prisma.learnerAddress.deleteMany({ where: { learnerId: id } });
    const run = await matchAllLearnerAddresses(db.prisma, { batch: 3 });
    expect(run.learners).toBeGreaterThanOrEqual(1);
    expect(await row(id, "RESIDENCE")).toMatchObject({ match: "HOUSE", garHouseId: dir.streetBHouses[4] });
    expect(await row(id, "ACTUAL")).toMatchObject({ match: "UNMATCHED" });
    // A second run has nothing left to do for this learner.
    const again = await matchAllLearnerAddresses(db.prisma);
    expect(again.resolved.HOUSE).toBe(0);

    const report = await unmatchedReport(db.prisma);
    const line = report.find((r) => r.learnerId === id)!;
    expect(line).toMatchObject({ organisationId: db.seeded.organisationIds.school1, kind: "ACTUAL", match: "UNMATCHED" });
    const csv = reportCsv(report);
    expect(csv).not.toContain("Иванов");
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
