// ГИА results on a real database (both kinds of database): rows the test
// inserts — four organisations in two municipalities, two years, each exam
// kind, a retake, 100-point results, scores below the minimum, ЕГЭ
// mathematics at both levels (the basic one marked, some learners sitting
// both), a row not matched to a subject, certificates with honours — counted by the service and by a direct recount here, measure by
// measure; small numbers hidden in every table; access per role and scope;
// the XLSX and PDF read back and audited.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ExamKind } from "../../generated/prisma/enums";
import { loadActor } from "../../auth/actor";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleGiaResultsExport } from "../../http/report-files";
import { callerAs } from "../../testing/callers";
import { sessionToken, signedInClaims } from "../../testing/sessions";
import { subjectIds } from "../../testing/subjects";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { resolveDrill } from "../dashboards/scope";
import type { ReportModel } from "../reports/report-model";
import { countGiaResults, countHonours, countUnmapped, type GiaFigures } from "./gia-counts";
import { EGE_MINIMUM_SCORES } from "./minimum-scores";

const YEAR = 2025;
const T = 5; // the default small-number threshold
type Exam = { learnerId: string; organisationId: string; kind: ExamKind; code: string | null; gia: number | null; year: number; mark: number | null; testScore: number | null; createdAt: Date };
const EGE_BASIC_MATH = 22; // ФЦТ code: marked 2–5, no test score

describeDb("ГИА results", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let orgs: string[];
  const municipalityOf = new Map<string, string>();
  const exams: Exam[] = [];
  const certificates: { learnerId: string; organisationId: string; level: "BASIC_GENERAL" | "SECONDARY_GENERAL"; issuedAt: Date; withHonours: boolean }[] = [];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const ids = db.seeded.organisationIds;
    const zarechny = db.seeded.municipalityIds.zarechny!;
    const school9 = await db.prisma.organisation.create({
      data: { municipalityId: zarechny, type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 9", fullName: "МБОУ «Средняя школа № 9»", inn: "9901000099", ogrn: "1029900000099", kpp: "990101001", founder: "Администрация городского округа Заречный" },
    });
    orgs = [ids.school1!, school9.id, ids.gymn2!, ids.board3!];
    for (const o of await db.prisma.organisation.findMany({ select: { id: true, municipalityId: true } })) municipalityOf.set(o.id, o.municipalityId);
    await db.prisma.user.create({
      data: { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: zarechny, regionId: db.seeded.regionId, passwordHash: await hashPassword("Municipal-officer-password-1") },
    });
    const createdById = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } })).id;
    const learners: string[] = [];
    for (let i = 0; i < 52; i++) {
      const l = await db.prisma.learner.create({ data: { regionId: db.seeded.regionId, lastName: `Экзаменов${i}`, firstName: "Иван", birthDate: new Date("2008-03-01"), sex: i % 2 ? "MALE" : "FEMALE", citizenship: "643" } });
      learners.push(l.id);
    }
    const at = (i: number) => orgs[i % 4]!;
    const add = (i: number, kind: ExamKind, code: string | null, year: number, mark: number | null, testScore: number | null, minute = 0, gia: number | null = null) =>
      exams.push({ learnerId: learners[i]!, organisationId: i >= 48 ? ids.school4! : at(i), kind, code, gia, year, mark, testScore, createdAt: new Date(Date.UTC(year, 5, 20, 10, minute)) });
    for (const year of [YEAR, YEAR - 1]) {
      const shift = year === YEAR ? 0 : 1;
      for (let i = 0; i < 48; i++) {
        add(i, "OGE", "RUSSIAN", year, [2, 3, 3, 4, 4, 4, 5, 5][(i + shift) % 8]!, null);
        if (i < 36) add(i, "OGE", "MATH", year, [2, 3, 4, 5, 3, 4][(i + shift) % 6]!, null);
        add(i, "EGE", "RUSSIAN", year, null, [10, 23, 45, 70, 85, 100, 100, 24][(i + shift) % 8]!, 5);
        if (i < 30) add(i, "EGE", "MATH", year, null, [20, 27, 50, 65, 90, 100][(i + shift) % 6]!);
        else add(i, "EGE", "PHYSICS", year, null, [30, 36, 62, 85, 100, 35][i % 6]!);
        // The basic level, recorded after the профильный (learners 18–29 sit both): a mark, never a score.
        if (i >= 18) add(i, "EGE", "MATH", year, [2, 3, 3, 4, 4, 5][(i + shift) % 6]!, null, 30, EGE_BASIC_MATH);
      }
      for (let i = 0; i < 7; i++) add(i, "GVE", "RUSSIAN", year, [3, 4, 2, 5, 3, 3, 4][i]!, null);
    }
    add(0, "EGE", "RUSSIAN", YEAR, null, 12, 1); // an earlier sitting of learner 0, recorded before the one that counts
    add(1, "EGE", null, YEAR, null, 55); // not matched to a subject
    add(2, "EGE", null, YEAR, null, 60);
    for (let i = 48; i < 52; i++) add(i, "EGE", "RUSSIAN", YEAR, null, 100); // Озёрск: outside the municipal officer's scope
    const subject = await subjectIds(db.prisma);
    await db.prisma.examResult.createMany({
      data: exams.map((e) => ({
        learnerId: e.learnerId, organisationId: e.organisationId, kind: e.kind, subject: e.code ? "предмет" : "Астрология", subjectId: e.code ? subject[e.code]! : null, giaSubjectCode: e.gia,
        year: e.year, mark: e.mark, testScore: e.testScore, createdById, createdAt: e.createdAt,
      })),
    });
    for (let i = 0; i < 10; i++) certificates.push({ learnerId: learners[i]!, organisationId: at(i), level: "SECONDARY_GENERAL", issuedAt: new Date(`${YEAR}-06-28`), withHonours: i < 7 });
    for (let i = 10; i < 22; i++) certificates.push({ learnerId: learners[i]!, organisationId: at(i), level: "SECONDARY_GENERAL", issuedAt: new Date(`${YEAR - 1}-06-28`), withHonours: i % 2 === 0 });
    for (let i = 22; i < 30; i++) certificates.push({ learnerId: learners[i]!, organisationId: at(i), level: "BASIC_GENERAL", issuedAt: new Date(`${YEAR}-06-30`), withHonours: true });
    await db.prisma.certificate.createMany({ data: certificates.map((c, n) => ({ ...c, number: `77 ${100000 + n}`, createdById })) });
  });
  afterAll(() => db?.close());

  /** The definitions applied row by row: the latest row per learner, subject, year and scale; bands and minimums. */
  function recount(kind: ExamKind, keyOf: (e: Exam) => string | null) {
    const scaleOf = (e: Exam) => (kind === "EGE" && e.gia !== EGE_BASIC_MATH ? "score" : "mark");
    const latest = new Map<string, Exam>();
    for (const e of exams.filter((x) => x.kind === kind && x.code !== null)) {
      const k = `${e.learnerId}|${e.code}|${e.year}|${scaleOf(e)}`;
      if (!latest.has(k) || latest.get(k)!.createdAt < e.createdAt) latest.set(k, e);
    }
    const out = new Map<string, GiaFigures>();
    for (const e of latest.values()) {
      const key = keyOf(e);
      if (key === null) continue;
      const k = `${key}|${scaleOf(e)}|${e.year}`;
      const f = out.get(k) ?? { year: e.year, participants: 0, marks: [0, 0, 0, 0], bands: [0, 0, 0, 0, 0], noResult: 0, below: 0, hundred: 0, valueSum: 0, valueCount: 0 };
      f.participants++;
      if (scaleOf(e) === "mark") {
        f.marks[(e.mark! - 2) as 0 | 1 | 2 | 3] += 1;
        if (e.mark === 2) f.below++;
        f.valueSum += e.mark!;
      } else {
        const min = EGE_MINIMUM_SCORES[e.code!] ?? null;
        const s = e.testScore!;
        const band = min !== null && s < min ? 0 : s <= 60 ? 1 : s <= 80 ? 2 : s < 100 ? 3 : 4;
        f.bands[band as 0 | 1 | 2 | 3 | 4] += 1;
        if (band === 0) f.below++;
        if (s === 100) f.hundred++;
        f.valueSum += s;
      }
      f.valueCount++;
      out.set(k, f);
    }
    return out;
  }

  const officer = async () => (await loadActor(db.prisma as never, await signedInClaims(db.prisma, "edu.officer")))!;
  const strip = ({ year, participants, marks, bands, noResult, below, hundred, valueSum, valueCount }: GiaFigures) => ({ year, participants, marks, bands, noResult, below, hundred, valueSum, valueCount });

  it("counts every measure by subject and by municipality as a direct recount does, for each kind and both years", async () => {
    const actor = await officer();
    const drill = await resolveDrill(db.prisma, actor, {});
    const codeOf = new Map(Object.entries(await subjectIds(db.prisma)).map(([code, id]) => [id, code]));
    for (const kind of ["OGE", "GVE", "EGE"] as const) {
      const counted = await countGiaResults(db.prisma, drill, false, kind, YEAR);
      const bySubject = recount(kind, (e) => e.code);
      expect(counted.subjects.length, kind).toBe(bySubject.size);
      for (const s of counted.subjects) expect(strip(s), `${kind} ${s.code} ${s.scale} ${s.year}`).toEqual(bySubject.get(`${codeOf.get(s.subjectId)}|${s.scale}|${s.year}`));
      // By place the scales add up: one row per municipality and year.
      const byPlace = recount(kind, (e) => municipalityOf.get(e.organisationId)!);
      const merged = new Map<string, GiaFigures>();
      for (const [k, f] of byPlace) {
        const [place, , year] = k.split("|");
        const m = merged.get(`${place}|${year}`);
        if (!m) merged.set(`${place}|${year}`, structuredClone(f));
        else for (const field of ["participants", "noResult", "below", "hundred", "valueSum", "valueCount"] as const) m[field] += f[field];
      }
      expect(counted.places.length, kind).toBe(merged.size);
      for (const p of counted.places) {
        const want = merged.get(`${p.placeId}|${p.year}`)!;
        expect([p.participants, p.below, p.hundred], `${kind} ${p.name} ${p.year}`).toEqual([want.participants, want.below, want.hundred]);
      }
    }
    // The retake: learner 0's later ЕГЭ in Russian counts, once.
    const egeRussian = (await countGiaResults(db.prisma, drill, false, "EGE", YEAR)).subjects.find((s) => s.code === "RUSSIAN" && s.year === YEAR)!;
    expect(egeRussian.participants).toBe(52);
    expect(egeRussian.hundred).toBe(12 + 4);
    expect(await countUnmapped(db.prisma, drill, "EGE", YEAR)).toBe(2);
    expect(await countUnmapped(db.prisma, drill, "OGE", YEAR)).toBe(0);
    const honours = await countHonours(db.prisma, drill, false, "EGE", YEAR);
    for (const year of [YEAR, YEAR - 1]) {
      const direct = certificates.filter((c) => c.level === "SECONDARY_GENERAL" && c.withHonours && c.issuedAt.getUTCFullYear() === year).length;
      expect(honours.filter((h) => h.year === year).reduce((s, h) => s + h.honours, 0), String(year)).toBe(direct);
    }
    expect((await countHonours(db.prisma, drill, true, "OGE", YEAR)).reduce((s, h) => s + h.honours, 0)).toBe(8);
  });

  /** Every figure of a model from 1 to T − 1 (the small numbers that must never show). */
  const smallShown = (model: ReportModel) =>
    model.tables.flatMap((t) => [...t.rows, t.totals ?? []].flatMap((r) => r.slice(1).filter((v, ci) => typeof v === "number" && v > 0 && v < T && !t.columns[ci + 1]!.includes("балл"))));
  const rowOf = (model: ReportModel, table: number, label: string) => {
    const t = model.tables[table]!;
    const r = label === "Всего" ? t.totals! : t.rows.find((x) => x[0] === label)!;
    return Object.fromEntries(t.columns.map((c, i) => [c, r[i]]));
  };

  it("shows the recount where a figure is shown, hides the small ones, and compares with the year before", async () => {
    const caller = await callerAs(db.prisma, "edu.officer");
    const ege = (await caller.ministry.gia.results({ year: YEAR, kind: "EGE" })).model;
    expect(ege.header.lines).toEqual([["Год", "2025"], ["Экзамен", "ЕГЭ"], ["Результатов, не сопоставленных с предметом", `<${T}`]]);
    const russian = rowOf(ege, 0, "Русский язык");
    const f = recount("EGE", (e) => e.code).get(`RUSSIAN|score|${YEAR}`)!;
    const before = recount("EGE", (e) => e.code).get(`RUSSIAN|score|${YEAR - 1}`)!;
    expect(russian).toMatchObject({
      Участников: f.participants,
      "0 – ниже минимума": f.bands[0],
      "Минимум – 60": f.bands[1],
      "61–80": f.bands[2],
      "81–99": f.bands[3],
      "100 баллов": f.hundred,
      "Минимальный балл": 24,
      "Ниже минимума, %": ((f.below / f.participants) * 100).toFixed(1),
      "Средний тестовый балл": (f.valueSum / f.valueCount).toFixed(2),
      "2024: Участников": before.participants,
      "2024: Средний тестовый балл": (before.valueSum / before.valueCount).toFixed(2),
    });
    // Every cell of every subject is its recount or hidden; physics has 3 in most bands: those and its average only as «<5».
    for (const [code, name] of [["RUSSIAN", "Русский язык"], ["MATH", "Математика (профильный уровень)"], ["PHYSICS", "Физика"]] as const) {
      const want = recount("EGE", (e) => e.code).get(`${code}|score|${YEAR}`)!;
      const row = rowOf(ege, 0, name);
      expect(row.Участников, name).toBe(want.participants);
      ["0 – ниже минимума", "Минимум – 60", "61–80", "81–99", "100 баллов"].forEach((col, i) => expect([want.bands[i], `<${T}`], `${name} ${col}`).toContain(row[col]));
    }
    // Mathematics at two levels: the профильный counts test scores only, the базовый its marks on a table of its own.
    const profile = recount("EGE", (e) => e.code).get(`MATH|score|${YEAR}`)!;
    expect(profile.participants).toBe(30);
    const profileRow = rowOf(ege, 0, "Математика (профильный уровень)");
    expect(profileRow).toMatchObject({ Участников: 30, "Минимальный балл": 27 });
    // Physics' small bands hide cells of this row too: its share and average are the recount or «<5», never a «0.0» for a hidden count.
    expect([((profile.below / 30) * 100).toFixed(1), `<${T}`]).toContain(profileRow["Ниже минимума, %"]);
    expect([(profile.valueSum / 30).toFixed(2), `<${T}`]).toContain(profileRow["Средний тестовый балл"]);
    expect(ege.tables.map((t) => t.caption)).toEqual(["По предметам: тестовые баллы", "ЕГЭ по математике базового уровня: отметки", "По территориям"]);
    expect(ege.tables[1]!.rows.map((r) => r[0])).toEqual(["Математика (базовый уровень)"]);
    const basic = recount("EGE", (e) => e.code).get(`MATH|mark|${YEAR}`)!;
    expect(basic.marks).toEqual([5, 10, 10, 5]);
    expect(rowOf(ege, 1, "Математика (базовый уровень)")).toMatchObject({
      Участников: 30,
      "«2»": 5,
      "«3»": 10,
      "«4»": 10,
      "«5»": 5,
      "Без отметки": 0,
      "Ниже минимума, %": "16.7",
      "Средняя отметка": (basic.valueSum / 30).toFixed(2),
      "2024: Участников": 30,
    });
    expect(rowOf(ege, 0, "Физика")).toMatchObject({ Участников: 18, "Минимум – 60": `<${T}`, "Минимальный балл": 36, "Средний тестовый балл": `<${T}` });
    // By municipality: the results and the certificates with honours (7 this year, spread below the threshold).
    // By place the basic level's «2» is below the minimum like a score under it.
    const belowAll = [...recount("EGE", (e) => e.code).entries()].filter(([k]) => k.endsWith(`|${YEAR}`)).reduce((s, [, x]) => s + x.below, 0);
    expect(rowOf(ege, 2, "Всего")).toMatchObject({ Результатов: 52 + 30 + 18 + 30, "Ниже минимума": belowAll, "Аттестатов с отличием": 7, "2024: Аттестатов с отличием": 6 });
    const oge = (await caller.ministry.gia.results({ year: YEAR, kind: "OGE" })).model;
    const ogeRussian = recount("OGE", (e) => e.code).get(`RUSSIAN|mark|${YEAR}`)!;
    expect(rowOf(oge, 0, "Русский язык")).toMatchObject({ Участников: 48, "«2»": 6, "«3»": 12, "«4»": 18, "«5»": 12, "Ниже минимума, %": "12.5", "Средняя отметка": (ogeRussian.valueSum / 48).toFixed(2) });
    expect(rowOf(oge, 1, "Всего")["Аттестатов с отличием"]).toBe(8);
    const gve = (await caller.ministry.gia.results({ year: YEAR, kind: "GVE" })).model;
    expect(rowOf(gve, 0, "Русский язык")).toMatchObject({ Участников: 7, "Средняя отметка": `<${T}` });
    for (const model of [ege, oge, gve]) expect(smallShown(model), model.title).toEqual([]);
  });

  it("narrows a municipal officer to its municipality and drills down to organisations; refuses others", async () => {
    const zarechny = db.seeded.municipalityIds.zarechny!;
    const own = await (await callerAs(db.prisma, "edu.zarechny")).ministry.gia.results({ year: YEAR, kind: "EGE" });
    expect(own.drill?.level).toBe("organisation");
    expect(own.drill?.places.map((p) => p.id).sort()).toEqual(orgs.slice(0, 2).sort());
    const direct = exams.filter((e) => e.kind === "EGE" && e.code === "RUSSIAN" && e.year === YEAR && municipalityOf.get(e.organisationId) === zarechny && !(e.learnerId === exams[0]!.learnerId && e.testScore === 12));
    expect(rowOf(own.model, 0, "Русский язык").Участников).toBe(direct.length);
    const region = await (await callerAs(db.prisma, "edu.officer")).ministry.gia.results({ year: YEAR, kind: "EGE", municipalityId: zarechny });
    expect(region.model.tables).toEqual(own.model.tables);
    const outside = db.seeded.organisationIds.school4!;
    await expect((await callerAs(db.prisma, "edu.zarechny")).ministry.gia.results({ year: YEAR, kind: "EGE", organisationId: outside })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerAs(db.prisma, "edu.zarechny")).ministry.gia.results({ year: YEAR, kind: "EGE", municipalityId: db.seeded.municipalityIds.ozyorsk! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      await expect((await callerAs(db.prisma, login)).ministry.gia.results({ year: YEAR, kind: "OGE" }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  const download = async (login: string | null, query: string) =>
    handleGiaResultsExport(
      new NextRequest(`http://localhost:3000/api/ministry/gia?${query}`, { headers: login ? { cookie: `${sessionCookieName()}=${await sessionToken(db.prisma, login)}` } : undefined }),
      db.prisma,
    );

  it("exports XLSX equal to the screen and a PDF with the header, each audited; refuses others", async () => {
    const { model } = await (await callerAs(db.prisma, "edu.officer")).ministry.gia.results({ year: YEAR, kind: "EGE" });
    const res = await download("edu.officer", `year=${YEAR}&kind=EGE&format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const values = Array.from(wb.worksheets[0]!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values).toContainEqual(["Экзамен", "ЕГЭ"]);
    for (const table of model.tables) {
      const start = values.findIndex((r) => r[0] === table.caption);
      expect(values[start + 1]).toEqual(table.columns);
      table.rows.forEach((row, i) => expect(values[start + 2 + i]).toEqual(row));
      expect(values[start + 2 + table.rows.length]).toEqual(table.totals);
    }
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "report.export", actorLogin: "edu.officer" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ report: "gia", format: "xlsx", filters: { year: YEAR, kind: "EGE" }, rows: model.tables.reduce((s, t) => s + t.rows.length, 0) });

    const pdf = await download("edu.officer", `year=${YEAR}&kind=OGE&format=pdf`);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true })).text;
    for (const s of ["Результаты государственной итоговой аттестации", "Демонстрационная область", "ОГЭ", "2025", "edu.officer", "Русский язык", "Всего"]) expect(text).toContain(s);
    expect(await db.prisma.auditEvent.count({ where: { action: "report.export", details: { path: ["report"], equals: "gia" } } })).toBe(2);

    expect((await download(null, `year=${YEAR}&kind=OGE`)).status).toBe(401);
    expect((await download("school.admin", `year=${YEAR}&kind=OGE`)).status).toBe(403);
    expect((await download("edu.officer", `year=1850&kind=OGE`)).status).toBe(400);
    expect((await download("edu.zarechny", `year=${YEAR}&kind=OGE&organisationId=${db.seeded.organisationIds.school4}`)).status).toBe(404);
    expect(await db.prisma.auditEvent.count({ where: { action: "report.export", details: { path: ["report"], equals: "gia" } } })).toBe(2);
  });
});
