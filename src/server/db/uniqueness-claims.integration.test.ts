// Region-wide uniqueness without region-wide unique indexes on learner-keyed
// tables (migration uniqueness_claims, docs/distribution.md): a SNILS belongs
// to one learner and a certificate number, per level, to one certificate,
// through claim tables kept by triggers. The database itself must refuse a
// second claim, move a claim with its value, and stay equal to the rows.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../testing/callers";
import { learnerInput, uniqueSnils } from "../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb, type TestDatabase } from "../testing/test-db";

describeDb("uniqueness through claim tables", () => {
  let db: TestDatabase;
  let a: string;
  let b: string;
  let organisationId: string;
  let userId: string;

  const one = async <T>(sql: string, params: unknown[] = []) => (await db.sql.query<T & Record<string, unknown>>(sql, params))[0]!;
  const snilsIndexOf = async (id: string) => (await one<{ i: string | null }>(`SELECT "snilsIndex" AS i FROM "Learner" WHERE "id" = $1`, [id])).i;
  // The three SNILS columns are null together (a CHECK); the envelope's content does not matter here.
  const setSnilsIndex = (id: string, value: string | null) =>
    db.sql.query(
      `UPDATE "Learner" SET "snilsIndex" = $2::varchar, "snilsEnc" = CASE WHEN $2::varchar IS NULL THEN NULL ELSE coalesce("snilsEnc", 'v1.test.AAAAAAAAAAAAAAAA.AAAA') END,
         "snilsChecksumOk" = CASE WHEN $2::varchar IS NULL THEN NULL ELSE true END WHERE "id" = $1`,
      [id, value],
    );

  async function expectClaimsEqualRows() {
    expect(await db.sql.query(`SELECT "snilsIndex", "learnerId" FROM "LearnerSnilsClaim" ORDER BY 1`)).toEqual(
      await db.sql.query(`SELECT "snilsIndex", "id" AS "learnerId" FROM "Learner" WHERE "snilsIndex" IS NOT NULL ORDER BY 1`),
    );
    expect(await db.sql.query(`SELECT "level"::text, "number", "learnerId" FROM "CertificateNumberClaim" ORDER BY 1, 2`)).toEqual(
      await db.sql.query(`SELECT "level"::text, "number", "learnerId" FROM "Certificate" ORDER BY 1, 2`),
    );
  }

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const registrar = await callerAs(db.prisma, "school.registrar");
    a = (await registrar.learners.create(learnerInput({ acknowledgeDuplicate: true }))).id;
    b = (await registrar.learners.create(learnerInput({ acknowledgeDuplicate: true }))).id;
    ({ organisationId } = await one<{ organisationId: string }>(`SELECT "organisationId" FROM "Enrolment" WHERE "learnerId" = $1`, [a]));
    ({ userId } = await one<{ userId: string }>(`SELECT "id" AS "userId" FROM "User" WHERE "login" = 'school.registrar'`));
  });
  afterAll(() => db?.close());

  it("claims each learner's SNILS as it is written, and refuses a second learner with it", async () => {
    await expectClaimsEqualRows();
    expect(await snilsIndexOf(a)).not.toBeNull();
    await expect(setSnilsIndex(b, await snilsIndexOf(a))).rejects.toThrow(/LearnerSnilsClaim_pkey/);
    await expectClaimsEqualRows();
  });

  it("moves a claim with a changed SNILS, frees a removed one, and lets one statement swap two", async () => {
    const [ia, ib] = [await snilsIndexOf(a), await snilsIndexOf(b)];
    await db.sql.query(`UPDATE "Learner" SET "snilsIndex" = CASE "id" WHEN $1::uuid THEN $4 ELSE $3 END WHERE "id" IN ($1, $2)`, [a, b, ia, ib]);
    expect([await snilsIndexOf(a), await snilsIndexOf(b)]).toEqual([ib, ia]);
    await expectClaimsEqualRows();
    await setSnilsIndex(a, null); // a's value (ib) is free again…
    await setSnilsIndex(b, ib); // …so b, releasing ia, may take it
    await setSnilsIndex(a, ia);
    await expectClaimsEqualRows();
    // An update of other columns leaves the claims alone.
    await db.sql.query(`UPDATE "Learner" SET "birthPlace" = 'г. Озёрск' WHERE "id" IN ($1, $2)`, [a, b]);
    await expectClaimsEqualRows();
  });

  it("answers two schools creating the same SNILS at once with one learner and one CONFLICT", async () => {
    const snils = uniqueSnils();
    const attempts = await Promise.allSettled(
      ["school.registrar", "school2.admin"].map(async (login) => (await callerAs(db.prisma, login)).learners.create(learnerInput({ learner: { snils }, acknowledgeDuplicate: true }))),
    );
    expect(attempts.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(attempts.find((x): x is PromiseRejectedResult => x.status === "rejected")?.reason).toMatchObject({ code: "CONFLICT" });
    await expectClaimsEqualRows();
  });

  it("claims a certificate number per level region-wide; a reissue under a new number frees the old", async () => {
    const insert = (learnerId: string, level: string, number: string) =>
      db.sql.query(
        `INSERT INTO "Certificate" ("id", "learnerId", "organisationId", "level", "number", "issuedAt", "createdById")
         VALUES (gen_random_uuid(), $1, $2, $3::"CertificateLevel", $4, '2026-06-25', $5)`,
        [learnerId, organisationId, level, number, userId],
      );
    await insert(a, "BASIC_GENERAL", "100200300");
    await expect(insert(b, "BASIC_GENERAL", "100200300")).rejects.toThrow(/CertificateNumberClaim_pkey/);
    await insert(b, "SECONDARY_GENERAL", "100200300"); // another level: another number space
    await db.sql.query(`UPDATE "Certificate" SET "number" = '100200301' WHERE "learnerId" = $1 AND "level" = 'BASIC_GENERAL'`, [a]);
    await insert(b, "BASIC_GENERAL", "100200300");
    await expectClaimsEqualRows();
    await db.sql.query(`DELETE FROM "Certificate" WHERE "learnerId" = $1`, [b]);
    await expectClaimsEqualRows();
  });
});
