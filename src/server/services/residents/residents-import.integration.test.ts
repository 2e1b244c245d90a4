// The import of resident children's lists end to end through its route
// handler (a real NextRequest with a session cookie, the door, the service,
// the database): a good CSV and XLSX, dry run then commit, matching by SNILS
// and by name + birth date + house, known residents, idempotent re-import, a
// corrected file, a broken file written not at all, a hostile XLSX refused,
// SNILS encrypted at rest, the audit rows, access per role and municipality.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ResidentImportResult } from "@/lib/schemas/residents";
import { regionToday } from "@/lib/time-zone";
import { normalizeSnils } from "@/lib/validators/snils";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleResidentImport, handleResidentTemplate } from "../../http/resident-files";
import { createAddressFixture, type AddressFixture } from "../../testing/address-fixtures";
import { callerAs } from "../../testing/callers";
import { cellBomb } from "../../testing/hostile-xlsx";
import { learnerInput, uniqueSnils } from "../../testing/learner-fixtures";
import { sessionToken } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { readRows } from "../learners/import/read-file";
import { yearsBefore } from "./parse-row";

const BASE = "http://localhost:3000/api/ministry/children/import";
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");

const HEADER = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "СНИЛС", "Адрес", "Квартира", "Примечание"];
type Row = string[];
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const cell = (v: string, delimiter: string) => (v.includes(delimiter) ? `"${v}"` : v);
const csv = (rows: Row[], delimiter = ";") => [HEADER, ...rows].map((r) => r.map((v) => cell(v, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
const utf8 = (rows: Row[]) => new Uint8Array(Buffer.from(csv(rows), "utf8"));
const cp1251 = (rows: Row[]) => new Uint8Array(iconv.encode(csv(rows, ","), "win1251"));
async function xlsx(rows: Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Лист1");
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describeDb("resident children import (route handler)", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let place: AddressFixture;
  const snils = { ivanov: uniqueSnils(), stranger: uniqueSnils() };
  const ids = { ivanov: "", petrova: "" };
  const addr = (house: number) => `г. Кленовск, ул. Школьная, д. ${house}`;
  // Ivanov is matched by SNILS, Petrova (no SNILS in the list) by name, birth date and house, the others are known residents.
  const good = (): Row[] => [
    ["Иванов", "Пётр", "Сергеевич", "07.03.2015", "м", snils.ivanov, addr(1), "7", "—"],
    ["ПЕТРОВА", "Алёна", "Игоревна", "12.04.2016", "ж", "", addr(2), "", ""],
    ["Соколова", "Вера", "", "05.05.2021", "ж", "", addr(3), "5", ""],
    ["Морозов", "Илья", "Андреевич", "01.06.2019", "", snils.stranger, "г. Кленовск, ул. Несуществующая, д. 9", "", ""],
  ];

  const upload = async (login: string, bytes: Uint8Array, name: string, mode = "commit", extra: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("file", new File([bytes as BlobPart], name));
    form.set("mode", mode);
    form.set("source", "POLYCLINIC");
    if (login === "edu.officer") form.set("municipalityId", db.seeded.municipalityIds.zarechny);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
    return handleResidentImport(new NextRequest(BASE, { method: "POST", body: form, headers: { origin: "http://localhost:3000", cookie } }), db.prisma);
  };
  const run = async (bytes: Uint8Array, name: string, mode = "commit", login = "mun.officer") => {
    const res = await upload(login, bytes, name, mode);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    return body as ResidentImportResult;
  };
  const residents = () => db.prisma.residentChild.findMany({ orderBy: { searchName: "asc" } });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const { regionId, municipalityIds } = db.seeded;
    place = await createAddressFixture(db.prisma, { municipalityId: municipalityIds.zarechny, settlementName: "Кленовск" });
    await db.prisma.user.create({
      data: { login: "mun.sosnovka", fullName: "Другой Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: municipalityIds.sosnovka, regionId, passwordHash: await hashPassword("Sosnovka-password-1") },
    });
    const school = await callerAs(db.prisma, "school.registrar");
    ids.ivanov = (await school.learners.create(learnerInput({ learner: { snils: snils.ivanov } }))).id;
    ids.petrova = (await school.learners.create(learnerInput({ learner: { lastName: "Петрова", firstName: "Алена", middleName: "Игоревна", sex: "FEMALE", birthDate: "2016-04-12", snils: uniqueSnils() } }))).id;
    // Petrova lives in house 2 by the directory (the address work resolves learners' addresses; set here directly).
    await db.prisma.learnerAddress.upsert({
      where: { learnerId_kind: { learnerId: ids.petrova, kind: "RESIDENCE" } },
      create: { learnerId: ids.petrova, kind: "RESIDENCE", municipalityId: municipalityIds.zarechny, garHouseId: place.streetAHouses[1]!, match: "HOUSE" },
      update: { garHouseId: place.streetAHouses[1]!, match: "HOUSE" },
    });
  });
  afterAll(() => db?.close());

  it("a dry run of a UTF-8 CSV says what each row would do and writes nothing but its audit row", async () => {
    const dry = await run(utf8(good()), "поликлиника.csv", "dry-run");
    expect(dry).toMatchObject({ committed: false, rows: 4, added: 4, updated: 0, unchanged: 0, errorCount: 0, matchedBySnils: 1, matchedByAddress: 1, unmatched: 2, housesFound: 3, ignoredColumns: ["Примечание"] });
    expect(dry.items.map((i) => [i.row, i.status, i.match, i.houseFound])).toEqual([
      [2, "add", "SNILS", true],
      [3, "add", "NAME_BIRTH_ADDRESS", true],
      [4, "add", "NONE", true],
      [5, "add", "NONE", false],
    ]);
    expect(await residents()).toHaveLength(0);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "residents.import" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorLogin: "mun.officer", entityId: db.seeded.municipalityIds.zarechny, details: { mode: "dry-run", added: 4, committed: false } });
    const links = await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id } });
    expect(links.map((l) => l.learnerId).sort()).toEqual([ids.ivanov, ids.petrova].sort());
  });

  it("commits: rows with matches, houses, flats and the source; SNILS encrypted, not in plain text", async () => {
    const done = await run(utf8(good()), "поликлиника.csv");
    expect(done).toMatchObject({ committed: true, added: 4, errorCount: 0 });
    const rows = await residents();
    expect(rows.map((r) => [r.lastName, r.matchedBy, r.learnerId, r.garHouseId, r.flat, r.source])).toEqual([
      ["Иванов", "SNILS", ids.ivanov, place.streetAHouses[0], "7", "POLYCLINIC"],
      ["Морозов", "NONE", null, null, null, "POLYCLINIC"],
      ["ПЕТРОВА", "NAME_BIRTH_ADDRESS", ids.petrova, place.streetAHouses[1], null, "POLYCLINIC"],
      ["Соколова", "NONE", null, place.streetAHouses[2], "5", "POLYCLINIC"],
    ]);
    const ivanov = rows[0]!;
    expect(ivanov.snilsEnc).toBeTruthy();
    expect(ivanov.snilsEnc).not.toContain(normalizeSnils(snils.ivanov)!);
    const raw = await db.prisma.$queryRaw<{ t: string }[]>`SELECT row_to_json(r)::text AS t FROM "ResidentChild" r`;
    for (const { t } of raw) expect(t).not.toContain(normalizeSnils(snils.ivanov)!);
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "residents.import" }, orderBy: { id: "desc" } })).toMatchObject({ outcome: "SUCCESS", details: { mode: "commit", committed: true } });
  });

  it("the same list again as Windows-1251 CSV and as XLSX changes nothing", async () => {
    const before = await residents();
    for (const [bytes, name] of [[cp1251(good()), "zags.csv"], [await xlsx(good()), "zags.xlsx"]] as const) {
      expect(await run(bytes, name)).toMatchObject({ committed: true, added: 0, updated: 0, unchanged: 4, errorCount: 0 });
    }
    expect(await residents()).toEqual(before);
  });

  it("a corrected file updates the children it names; empty optional cells keep what is stored", async () => {
    const fixed: Row[] = [
      // Sokolova gets a SNILS and a new flat; Ivanov's row lost its flat and sex (kept).
      ["Соколова", "Вера", "", "05.05.2021", "", uniqueSnils(), addr(3), "6", ""],
      ["Иванов", "Пётр", "Сергеевич", "07.03.2015", "", snils.ivanov, addr(1), "", ""],
    ];
    expect(await run(await xlsx(fixed), "fix.xlsx")).toMatchObject({ committed: true, added: 0, updated: 1, unchanged: 1 });
    const sokolova = await db.prisma.residentChild.findFirstOrThrow({ where: { lastName: "Соколова" } });
    expect(sokolova).toMatchObject({ flat: "6" });
    expect(sokolova.snilsIndex).toBeTruthy();
    expect(await db.prisma.residentChild.findFirstOrThrow({ where: { lastName: "Иванов" } })).toMatchObject({ flat: "7", sex: "MALE" });
    expect(await residents()).toHaveLength(4);
  });

  it("a broken file writes nothing and names each row and column in Russian", async () => {
    const before = await residents();
    const valid = uniqueSnils().replace(/\D/g, "");
    const badChecksum = valid.slice(0, 9) + String((Number(valid.slice(9)) + 1) % 100).padStart(2, "0");
    const old = ru(yearsBefore(regionToday(), 19));
    const rows: Row[] = [
      ["Новиков", "Олег", "", "03.02.2020", "м", "", addr(4), "", ""],
      ["Новикова", "Ольга", "", "31.02.2020", "ж", "", addr(4), "", ""],
      ["Орлов", "Ян", "", "01.01.2018", "м", badChecksum, addr(4), "", ""],
      ["", "Антон", "", "01.01.2018", "м", "", addr(4), "", ""],
      ["Старый", "Семён", "", old, "м", "", addr(4), "", ""],
      ["НОВИКОВ", "Олег", "", "03.02.2020", "м", "", addr(5), "", ""],
    ];
    const res = await run(utf8(rows), "broken.csv");
    expect(res).toMatchObject({ committed: false, rows: 6, errorCount: 5 });
    expect(res.items.filter((i) => i.status === "error").map((i) => [i.row, i.column, i.message])).toEqual([
      [3, "Дата рождения", expect.stringMatching(/ДД\.ММ\.ГГГГ/)],
      [4, "СНИЛС", "Неверная контрольная сумма СНИЛС"],
      [5, "Фамилия", "Не указана фамилия"],
      [6, "Дата рождения", expect.stringMatching(/18 лет/)],
      [7, "", "Ребёнок уже указан в строке 2: удалите повтор"],
    ]);
    expect(await residents()).toEqual(before);
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "residents.import" }, orderBy: { id: "desc" } })).toMatchObject({ outcome: "FAILURE", details: { committed: false, errors: 5 } });
  });

  it("refuses a hostile XLSX with a 4xx, writing nothing", async () => {
    const count = await db.prisma.residentChild.count();
    const res = await upload("mun.officer", new Uint8Array(cellBomb(300)), "bomb.xlsx");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error).toMatch(/[А-Яа-яЁё]/);
    expect(await db.prisma.residentChild.count()).toBe(count);
  });

  it("a municipality's officer works on its own municipality only; the region's officer chooses one", async () => {
    const file = utf8(good().slice(2, 3));
    // Another municipality named by mun.officer → 404, as if it did not exist.
    expect((await upload("mun.officer", file, "a.csv", "dry-run", { municipalityId: db.seeded.municipalityIds.sosnovka })).status).toBe(404);
    expect((await upload("mun.officer", file, "a.csv", "dry-run", { municipalityId: "not-a-uuid" })).status).toBe(404);
    // Sosnovka's officer loads into its own register: Sokolova is a new child there.
    expect(await run(file, "a.csv", "dry-run", "mun.sosnovka")).toMatchObject({ added: 1 });
    // The region's officer without a municipality → 400; with Заречный → the stored child.
    const noPlace = await upload("edu.officer", file, "a.csv", "dry-run", { municipalityId: "" });
    expect(noPlace.status).toBe(400);
    expect((await noPlace.json()).error).toBe("Выберите муниципалитет");
    expect(await run(file, "a.csv", "dry-run", "edu.officer")).toMatchObject({ added: 0 });
    const bad = await upload("mun.officer", file, "a.csv", "dry-run", { source: "SOMETHING" });
    expect(bad.status).toBe(400);
  });

  it("refuses school roles, the medic, health, sys.admin and the auditor (403); serves the template", async () => {
    const file = utf8(good());
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      expect((await upload(login, file, "a.csv", "dry-run")).status, login).toBe(403);
    }
    const bad = await upload("mun.officer", new Uint8Array(Buffer.from("Фамилия;Имя\r\nИванов;Пётр\r\n")), "a.csv");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/нет обязательных столбцов: «Дата рождения», «Адрес»/);
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, "mun.officer")}`;
    const template = await handleResidentTemplate(new NextRequest(`${BASE}/template`, { headers: { cookie } }), db.prisma);
    expect(template.status).toBe(200);
    const sheet = await readRows(new Uint8Array(await template.arrayBuffer()), "t.xlsx");
    expect(sheet.header).toEqual(["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "СНИЛС", "Адрес", "Квартира"]);
    const schoolCookie = `${sessionCookieName()}=${await sessionToken(db.prisma, "school.admin")}`;
    expect((await handleResidentTemplate(new NextRequest(`${BASE}/template`, { headers: { cookie: schoolCookie } }), db.prisma)).status).toBe(403);
  });
});
