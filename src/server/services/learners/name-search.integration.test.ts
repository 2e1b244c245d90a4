// Name-prefix search on the database-kept search key: case and ё do not
// matter, a prefix of the last name is a range on one B-tree, and the list is
// ordered by name.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

describeDb("registry name search", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const names = [
    ["Ёлкина", "Анна", "FEMALE"], ["Иванов", "Пётр", "MALE"], ["Иванова", "Анна", "FEMALE"], ["Иванова", "Вера", "FEMALE"], ["Иван", "Олег", "MALE"],
    ["Дмитриев", "Олег", "MALE"], ["Жуков", "Олег", "MALE"],
  ] as const;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const registrar = await callerAs(db.prisma, "school.registrar");
    for (const [lastName, firstName, sex] of names) {
      await registrar.learners.create(learnerInput({ learner: { lastName, firstName, sex, middleName: undefined } }));
    }
  });
  afterAll(() => db?.close());

  const found = async (query: string) =>
    (await (await callerAs(db.prisma, "edu.officer")).learners.search({ query })).rows.map((r) => `${r.lastName} ${r.firstName}`);

  it("matches a last-name prefix in any case, in name order", async () => {
    expect(await found("ивано")).toEqual(["Иванов Пётр", "Иванова Анна", "Иванова Вера"]);
    expect(await found("ИВАН")).toEqual(["Иван Олег", "Иванов Пётр", "Иванова Анна", "Иванова Вера"]);
  });

  it("treats ё as е, and narrows by a first-name prefix", async () => {
    expect(await found("елкин")).toEqual(["Ёлкина Анна"]);
    expect(await found("Ёлк")).toEqual(["Ёлкина Анна"]);
    expect(await found("Иванова Ве")).toEqual(["Иванова Вера"]);
  });

  it("keeps the key when a name is corrected", async () => {
    const [row] = await db.sql.query<{ id: string }>(`SELECT id FROM "Learner" WHERE "lastName" = 'Иван'`);
    const registrar = await callerAs(db.prisma, "school.registrar");
    const card = await registrar.learners.card({ id: row!.id });
    if (card.view !== "personal") throw new Error("registrar sees the personal card");
    await db.sql.query(`UPDATE "Learner" SET "lastName" = 'Яковлев' WHERE id = $1`, [row!.id]);
    expect(await found("яков")).toEqual(["Яковлев Олег"]);
    expect(await found("иван")).not.toContain("Иван Олег");
  });

  it("answers a prefix with an index range in the search's order, whatever the database's collation", async () => {
    await db.sql.exec("SET enable_seqscan = off");
    const plan = await db.sql.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT id FROM "Learner" WHERE "searchName" >= 'иван' AND "searchName" < 'иван' || chr(65535)
       ORDER BY "searchName", "birthDate", id LIMIT 51`,
    );
    await db.sql.exec("RESET enable_seqscan");
    const text = plan.map((p) => p["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan using "?Learner_searchName_birthDate_id_idx/);
    // Read in order and stopped at the page: a sort would read every match first.
    expect(text).not.toMatch(/Sort/);
  });

  it("lists a school's learners by name in the Russian order (ё as е, case aside), the same in the school's search", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const listed = async (search?: string, order?: "asc" | "desc") =>
      (await registrar.learners.list({ search, sort: "name", order })).rows.map((r) => `${r.lastName} ${r.firstName}`);
    // Ё between Д and Ж (code points put it before А), Иванов before Иванова.
    const ours = ["Дмитриев Олег", "Ёлкина Анна", "Жуков Олег", "Иванов Пётр", "Иванова Анна", "Иванова Вера", "Яковлев Олег"];
    expect((await listed()).filter((n) => ours.includes(n))).toEqual(ours);
    expect((await listed("иванова", "desc")).slice(0, 2)).toEqual(["Иванова Вера", "Иванова Анна"]);
  });

  it("keeps 1,000-bucket statistics on the columns a school's name search joins on", async () => {
    // With 100 buckets a prefix's range at a million learners was estimated at
    // a few dozen rows, and the planner scanned the prefix region-wide.
    const targets = await db.sql.query<{ col: string; target: number }>(
      `SELECT attrelid::regclass::text || '.' || attname AS col, attstattarget::int AS target FROM pg_attribute
       WHERE (attrelid, attname) IN (('"Learner"'::regclass, 'searchName'), ('"Enrolment"'::regclass, 'organisationId')) ORDER BY 1`,
    );
    expect(targets).toEqual([{ col: '"Enrolment".organisationId', target: 1000 }, { col: '"Learner".searchName', target: 1000 }]);
  });
});
