// The synthetic region on a real database: consistent (every foreign key
// resolves although the load skips FK triggers), valid (SNILS, ages for the
// level, one active basic enrolment each) and usable by the application.
import { afterAll, beforeAll, expect, it } from "vitest";
import { AGE_LIMITS } from "@/lib/schemas/learner";
import { checkSnils } from "@/lib/validators";
import { callerAs } from "@/server/testing/callers";
import { decryptIdentity, snilsIndexOf } from "@/server/services/person/identity-fields";
import { describeDb, type TestDatabase } from "@/server/testing/test-db";
import { ageOn } from "./dates";
import { generateRegion } from "./generate-region";
import { coreSubjects, periodsOf } from "./period-marks";
import { ACADEMIC_YEAR } from "./plan";
import { createTestRegion, type TestRegion } from "./test-region";

const LEARNERS = 800;

describeDb("synthetic region generator", () => {
  let region: TestRegion;
  let db: TestDatabase;
  let result: TestRegion["result"];

  beforeAll(async () => {
    region = await createTestRegion({ learners: LEARNERS, seed: 7, gradeYears: 1 });
    ({ db, result } = region);
  });
  afterAll(async () => {
    await region?.close();
  });

  it("writes the planned learners, each with one active basic enrolment", async () => {
    const [row] = await db.sql.query<{ learners: number; enrolled: number }>(
      `SELECT (SELECT count(*)::int FROM "Learner") AS learners,
              (SELECT count(DISTINCT "learnerId")::int FROM "Enrolment" WHERE "isBasic" AND status <> 'ENDED') AS enrolled`,
    );
    expect(row).toEqual({ learners: LEARNERS, enrolled: LEARNERS });
    expect(result.rows).toBeGreaterThan(LEARNERS * 10);
  });

  it("leaves no dangling foreign key in any table", async () => {
    const fks = await db.sql.query<{ child: string; col: string; parent: string; pcol: string }>(
      `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, pa.attname AS pcol
         FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1`,
    );
    expect(fks.length).toBeGreaterThan(20);
    const dangling: string[] = [];
    for (const fk of fks) {
      const [{ n } = { n: 0 }] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${fk.child} c WHERE c."${fk.col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p."${fk.pcol}" = c."${fk.col}")`,
      );
      if (n > 0) dangling.push(`${fk.child}.${fk.col} → ${fk.parent}: ${n}`);
    }
    expect(dangling).toEqual([]);
  });

  it("generates valid SNILS and ages that fit each level", async () => {
    const stored = await db.sql.query<{ snilsEnc: string | null; birthDate: string; level: keyof typeof AGE_LIMITS; enrolledAt: string; sex: string; snilsChecksumOk: boolean | null; snilsIndex: string | null }>(
      `SELECT l."snilsEnc", l."snilsIndex", l."snilsChecksumOk", to_char(l."birthDate", 'YYYY-MM-DD') AS "birthDate", e.level, to_char(e."enrolledAt", 'YYYY-MM-DD') AS "enrolledAt", l.sex
         FROM "Learner" l JOIN "Enrolment" e ON e."learnerId" = l.id AND e."isBasic" AND e.status <> 'ENDED'`,
    );
    const rows = stored.map((r) => ({ ...r, ...decryptIdentity("Learner", { snilsEnc: r.snilsEnc }) }));
    const invalid = rows.filter((r) => r.snils !== null && (!checkSnils(r.snils).ok || r.snilsChecksumOk !== true || r.snilsIndex !== snilsIndexOf(r.snils)));
    expect(invalid).toEqual([]);
    expect(rows.filter((r) => r.snils === null).length).toBeLessThan(LEARNERS * 0.1);
    const implausible = rows.filter((r) => {
      const [min, max] = AGE_LIMITS[r.level];
      const age = ageOn(r.birthDate, r.enrolledAt);
      return age < min || age > max;
    });
    expect(implausible).toEqual([]);
    const boys = rows.filter((r) => r.sex === "MALE").length / rows.length;
    expect(boys).toBeGreaterThan(0.4);
    expect(boys).toBeLessThan(0.6);
  });

  it("is readable through the application: the demo school's list shows its generated learners", async () => {
    const school = await callerAs(db.prisma, "school.admin");
    const page = await school.learners.list({ page: 0, pageSize: 20 });
    expect(page.total).toBeGreaterThan(5);
    expect(page.rows[0]!.lastName).toMatch(/^[А-ЯЁ]/);
  });

  it("puts every learner in the federal change feed and finds one by SNILS through the application", async () => {
    const [{ n } = { n: 0 }] = await db.sql.query<{ n: number }>(`SELECT count(DISTINCT "learnerId")::int AS n FROM "LearnerChange"`);
    expect(n).toBe(LEARNERS);
    const [one] = await db.sql.query<{ snilsEnc: string }>(`SELECT "snilsEnc" FROM "Learner" WHERE "snilsEnc" IS NOT NULL LIMIT 1`);
    const snils = decryptIdentity("Learner", one!).snils!;
    const officer = await callerAs(db.prisma, "edu.officer");
    const found = await officer.learners.search({ query: snils });
    expect(found.rows).toHaveLength(1);
  });

  it("claims every generated SNILS, as the skipped triggers would have", async () => {
    const [row] = await db.sql.query<{ learners: number; claims: number; matching: number }>(
      `SELECT (SELECT count(*)::int FROM "Learner" WHERE "snilsIndex" IS NOT NULL) AS learners,
              (SELECT count(*)::int FROM "LearnerSnilsClaim") AS claims,
              (SELECT count(*)::int FROM "LearnerSnilsClaim" c JOIN "Learner" l ON l."id" = c."learnerId" AND l."snilsIndex" = c."snilsIndex") AS matching`,
    );
    expect(row!.learners).toBeGreaterThan(LEARNERS * 0.9);
    expect(row).toEqual({ learners: row!.learners, claims: row!.learners, matching: row!.learners });
  });

  it("keeps the search key exactly as the database trigger would", async () => {
    const [row] = await db.sql.query<{ differing: number }>(
      `SELECT count(*)::int AS differing FROM "Learner"
        WHERE "searchName" IS DISTINCT FROM translate(lower(concat_ws(' ', "lastName", "firstName", "middleName")), 'ё', 'е')`,
    );
    expect(row).toEqual({ differing: 0 });
  });

  it("builds the dashboards' summary: every enrolled learner, as the incremental recount would", async () => {
    const [counts] = await db.sql.query<{ summary: number; enrolled: number }>(
      `SELECT (SELECT count(*)::int FROM "LearnerSummary") AS summary,
              (SELECT count(DISTINCT "learnerId")::int FROM "Enrolment" WHERE "status" IN ('ACTIVE', 'PENDING_TRANSFER')) AS enrolled`,
    );
    expect(counts!.summary).toBe(counts!.enrolled);
    const before = await db.prisma.learnerSummary.findMany({ orderBy: { learnerId: "asc" } });
    await db.sql.query(`SELECT "learner_summary_compute"(array(SELECT "learnerId" FROM "LearnerSummary"))`);
    expect(await db.prisma.learnerSummary.findMany({ orderBy: { learnerId: "asc" } })).toEqual(before);
    expect(before.some((r) => r.hasHealth) && before.some((r) => r.hasPortfolio) && before.some((r) => r.personalComplete)).toBe(true);
  });

  it("marks the current year's periods in the core subjects of each grade, by the learner's school", async () => {
    const rows = await db.sql.query<{ learnerId: string; grade: number; level: string; period: string; mark: number; subjectOk: boolean; sameSchool: boolean }>(
      `SELECT g."learnerId", e."grade", e."level"::text AS "level", g."period", g."mark",
              (s."id" IS NOT NULL AND e."level"::text = ANY (s."levels"::text[])) AS "subjectOk",
              g."organisationId" = e."organisationId" AS "sameSchool"
         FROM "SubjectGrade" g
         JOIN "Enrolment" e ON e."learnerId" = g."learnerId" AND e."isBasic" AND e."status" = 'ACTIVE'
         LEFT JOIN "Subject" s ON s."id" = g."subjectId"
        WHERE g."academicYear" = ${ACADEMIC_YEAR} AND g."period" <> 'год'`,
    );
    const pupils = await db.sql.query<{ learnerId: string; grade: number }>(
      `SELECT "learnerId", "grade" FROM "Enrolment" WHERE "isBasic" AND "status" = 'ACTIVE' AND "level" IN ('PRIMARY', 'BASIC', 'SECONDARY')`,
    );
    const perLearner = new Map<string, number>();
    for (const r of rows) perLearner.set(r.learnerId, (perLearner.get(r.learnerId) ?? 0) + 1);
    // Every pupil from grade 2 has exactly its grade's subjects × its periods; grade 1 none.
    const wrongCount = pupils.filter((p) => (perLearner.get(p.learnerId) ?? 0) !== coreSubjects(p.grade).length * periodsOf(p.grade).length);
    expect(wrongCount).toEqual([]);
    expect(pupils.filter((p) => p.grade >= 2).length).toBeGreaterThan(LEARNERS * 0.4);
    expect(rows.filter((r) => !r.subjectOk || !r.sameSchool || r.mark < 2 || r.mark > 5)).toEqual([]);
    expect(rows.filter((r) => !periodsOf(r.grade).includes(r.period))).toEqual([]);
    // Mostly 4s and 3s, some 5s, few 2s.
    const share = (m: number) => rows.filter((r) => r.mark === m).length / rows.length;
    expect(share(3) + share(4)).toBeGreaterThan(0.6);
    expect(share(5)).toBeGreaterThan(0.05);
    expect(share(5)).toBeLessThan(share(4));
    expect(share(2)).toBeGreaterThan(0.005);
    expect(share(2)).toBeLessThan(0.1);
  });

  it("gives last year's grade-11 leavers at college their ЕГЭ results, coded as the exam centre codes them", async () => {
    const rows = await db.sql.query<{ learnerId: string; giaSubjectCode: number | null; mark: number | null; testScore: number | null; year: number; mapped: boolean; bySchool: boolean; atCollege: boolean }>(
      `SELECT x."learnerId", x."giaSubjectCode", x."mark", x."testScore", x."year",
              gs."subjectId" IS NOT DISTINCT FROM x."subjectId" AND x."subjectId" IS NOT NULL AS "mapped",
              o."type" IN ('GENERAL_SCHOOL', 'BOARDING_SCHOOL') AS "bySchool",
              EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."learnerId" = x."learnerId" AND e."isBasic" AND e."level" = 'VOCATIONAL') AS "atCollege"
         FROM "ExamResult" x
         LEFT JOIN "GiaSubject" gs ON gs."code" = x."giaSubjectCode"
         JOIN "Organisation" o ON o."id" = x."organisationId"
        WHERE x."kind" = 'EGE'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const bad = rows.filter((r) => !r.mapped || !r.bySchool || !r.atCollege || r.year !== ACADEMIC_YEAR
      || !(r.giaSubjectCode === 22 ? r.mark! >= 2 && r.mark! <= 5 && r.testScore === null : r.testScore! >= 0 && r.testScore! <= 100 && r.mark === null));
    expect(bad).toEqual([]);
    const byLearner = new Map<string, typeof rows>();
    for (const r of rows) byLearner.set(r.learnerId, [...(byLearner.get(r.learnerId) ?? []), r]);
    for (const exams of byLearner.values()) {
      expect(exams.length).toBeGreaterThanOrEqual(3);
      expect(exams.length).toBeLessThanOrEqual(4);
      expect(exams.filter((e) => e.giaSubjectCode === 1)).toHaveLength(1);
      expect(exams.filter((e) => e.giaSubjectCode === 2 || e.giaSubjectCode === 22)).toHaveLength(1);
    }
  });

  it("gives the region a directory, learners' addresses, territories, first-grade places and resident children", async () => {
    const [c] = await db.sql.query<{ [k in "settlements" | "streets" | "houses" | "withAddress" | "residenceMatched" | "residenceUnmatched" | "stay" | "actual" | "orders" | "years" | "places" | "schools" | "matchedResidents" | "knownResidents" | "minors"]: number }>(
      `SELECT (SELECT count(*)::int FROM "AddressObject" WHERE "objectId" >= 8000000000000 AND level IN (5, 6)) AS settlements,
              (SELECT count(*)::int FROM "AddressObject" WHERE "objectId" >= 8000000000000 AND level = 8) AS streets,
              (SELECT count(*)::int FROM "AddressHouse" WHERE "objectId" >= 8000000000000) AS houses,
              (SELECT count(DISTINCT "learnerId")::int FROM "LearnerAddress") AS "withAddress",
              (SELECT count(*)::int FROM "LearnerAddress" WHERE kind = 'RESIDENCE' AND match = 'HOUSE') AS "residenceMatched",
              (SELECT count(*)::int FROM "LearnerAddress" WHERE kind = 'RESIDENCE' AND match = 'UNMATCHED') AS "residenceUnmatched",
              (SELECT count(*)::int FROM "LearnerAddress" WHERE kind = 'STAY') AS stay,
              (SELECT count(*)::int FROM "LearnerAddress" a JOIN "Learner" l ON l.id = a."learnerId" AND l."actualAddress" = a."sourceText" WHERE a.kind = 'ACTUAL') AS actual,
              (SELECT count(*)::int FROM "TerritoryOrder") AS orders,
              (SELECT count(DISTINCT "academicYear")::int FROM "TerritoryOrder") AS years,
              (SELECT count(*)::int FROM "FirstGradePlaces") AS places,
              (SELECT count(*)::int FROM "Organisation" WHERE type = 'GENERAL_SCHOOL') AS schools,
              (SELECT count(*)::int FROM "ResidentChild" WHERE "learnerId" IS NOT NULL) AS "matchedResidents",
              (SELECT count(*)::int FROM "ResidentChild" WHERE "learnerId" IS NULL) AS "knownResidents",
              (SELECT count(*)::int FROM "Learner" WHERE "birthDate" > DATE '2026-11-23' - INTERVAL '18 years') AS minors`,
    );
    expect(c!.settlements).toBeGreaterThanOrEqual(3);
    expect(c!.streets).toBeGreaterThan(0);
    // ~1 house per 10–30 children.
    expect(c!.houses).toBeGreaterThan(LEARNERS / 30);
    expect(c!.houses).toBeLessThan(LEARNERS / 10);
    expect(c!.withAddress).toBe(LEARNERS);
    expect(c!.actual).toBe(LEARNERS);
    expect(c!.residenceMatched).toBeGreaterThan(LEARNERS * 0.85);
    expect(c!.residenceUnmatched).toBeGreaterThan(0);
    expect(c!.residenceUnmatched).toBeLessThan(LEARNERS * 0.08);
    expect(c!.stay).toBeGreaterThan(0);
    expect(c!.years).toBe(2);
    expect(c!.places).toBe(c!.schools * 2);
    expect(c!.matchedResidents).toBeGreaterThan(c!.minors * 0.85);
    expect(c!.matchedResidents).toBeLessThanOrEqual(c!.minors);
    expect(c!.knownResidents).toBeGreaterThan(LEARNERS * 0.03);
    expect(c!.knownResidents).toBeLessThan(LEARNERS * 0.05);
  });

  it("keeps the directory and the register consistent: a house's municipality is its street's and settlement's, a resident's is its house's", async () => {
    const [row] = await db.sql.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM "AddressHouse" h JOIN "AddressObject" s ON s."objectId" = h."streetId"
                WHERE s."municipalityId" IS DISTINCT FROM h."municipalityId" OR s."parentId" IS DISTINCT FROM h."settlementId") AS "houseStreet",
              (SELECT count(*)::int FROM "AddressHouse" h JOIN "AddressObject" s ON s."objectId" = h."settlementId"
                WHERE s."municipalityId" IS DISTINCT FROM h."municipalityId") AS "houseSettlement",
              (SELECT count(*)::int FROM "AddressHouse" h WHERE h."objectId" >= 8000000000000 AND (h."settlementId" IS NULL OR h.postcode IS NULL)) AS "houseIncomplete",
              (SELECT count(*)::int FROM "ResidentChild" r LEFT JOIN "AddressHouse" h ON h."objectId" = r."garHouseId"
                WHERE h."municipalityId" IS DISTINCT FROM r."municipalityId") AS "residentHouse",
              (SELECT count(*)::int FROM "LearnerAddress" a LEFT JOIN "AddressHouse" h ON h."objectId" = a."garHouseId"
                WHERE a.match = 'HOUSE' AND h."municipalityId" IS DISTINCT FROM a."municipalityId") AS "addressHouse",
              (SELECT count(*)::int FROM "ResidentChild" r LEFT JOIN "Learner" l ON l.id = r."learnerId"
                WHERE r."learnerId" IS NOT NULL AND (l.id IS NULL OR l."birthDate" <> r."birthDate" OR l."lastName" <> r."lastName"
                  OR (r."matchedBy" = 'SNILS' AND r."snilsIndex" IS DISTINCT FROM l."snilsIndex"))) AS "residentLearner",
              (SELECT count(*)::int FROM "TerritoryAssignment" t JOIN "TerritoryOrder" o ON o.id = t."orderId"
                JOIN "Organisation" org ON org.id = t."organisationId"
                WHERE org."municipalityId" <> o."municipalityId" OR org.type <> 'GENERAL_SCHOOL' OR t."academicYear" <> o."academicYear") AS "assignmentSchool"`,
    );
    expect(row).toEqual({ houseStreet: 0, houseSettlement: 0, houseIncomplete: 0, residentHouse: 0, addressHouse: 0, residentLearner: 0, assignmentSchool: 0 });
  });

  it("assigns most houses to one school, a few to two, leaves a few unassigned; texts carry the addresses", async () => {
    const covered = await db.sql.query<{ schools: number; houses: number }>(
      `WITH cover AS (
         SELECT h."objectId", count(DISTINCT a."organisationId")::int AS schools
           FROM "AddressHouse" h
           LEFT JOIN "TerritoryAssignment" a ON a."academicYear" = ${ACADEMIC_YEAR} AND (
                (a."objectKind" = 'HOUSE' AND a."garObjectId" = h."objectId") OR (a."objectKind" = 'STREET' AND a."garObjectId" = h."streetId")
             OR (a."objectKind" = 'SETTLEMENT' AND a."garObjectId" = h."settlementId"))
          WHERE h."objectId" >= 8000000000000 AND h."municipalityId" IN (SELECT "municipalityId" FROM "TerritoryOrder")
          GROUP BY h."objectId")
       SELECT least(schools, 2) AS schools, count(*)::int AS houses FROM cover GROUP BY 1 ORDER BY 1`,
    );
    const by = Object.fromEntries(covered.map((r) => [r.schools, r.houses]));
    const total = covered.reduce((s, r) => s + r.houses, 0);
    expect(by[1]! / total).toBeGreaterThan(0.8);
    expect(by[0] ?? 0).toBeLessThan(total * 0.1);
    const [kinds] = await db.sql.query<{ street: number; house: number; settlement: number }>(
      `SELECT count(*) FILTER (WHERE "objectKind" = 'STREET')::int AS street, count(*) FILTER (WHERE "objectKind" = 'HOUSE')::int AS house,
              count(*) FILTER (WHERE "objectKind" = 'SETTLEMENT')::int AS settlement FROM "TerritoryAssignment"`,
    );
    expect(kinds!.street).toBeGreaterThan(kinds!.settlement);
    expect(kinds!.settlement).toBeGreaterThan(0);
    const [texts] = await db.sql.query<{ stayText: number; stayRows: number; regText: number; residence: number }>(
      `SELECT (SELECT count(*)::int FROM "Learner" WHERE "stayAddress" IS NOT NULL) AS "stayText",
              (SELECT count(*)::int FROM "LearnerAddress" WHERE kind = 'STAY') AS "stayRows",
              (SELECT count(*)::int FROM "Learner" WHERE "registrationAddress" IS NOT NULL) AS "regText",
              (SELECT count(*)::int FROM "LearnerAddress" a JOIN "Learner" l ON l.id = a."learnerId" AND l."registrationAddress" = a."sourceText" WHERE a.kind = 'RESIDENCE') AS residence`,
    );
    expect(texts).toEqual({ stayText: texts!.stayRows, stayRows: texts!.stayRows, regText: texts!.residence, residence: texts!.residence });
  });

  it("refuses to generate into a database that already holds learners", async () => {
    await expect(generateRegion(region.bulk(), db.prisma, { learners: 100, seed: 1, gradeYears: 0, postgres: region.postgres, log: () => {} })).rejects.toThrow(/already holds/);
  });
});
