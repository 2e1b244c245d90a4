// The federal change log (LearnerChange) is written by statement-level
// triggers on Learner and Enrolment, so a bulk import pays one INSERT per
// statement instead of one per row. These tests pin the rows it must still
// write: one entry per learner row and per enrolment row of every statement,
// the previous learner of a moved enrolment, and nothing for a statement that
// touched no row.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadActor, type Actor } from "../../../auth/actor";
import { learnerRow, HEADERS, toCsv } from "../../../testing/import-fixtures";
import { signedInClaims } from "../../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../../testing/test-db";
import { importLearners } from "./import-learners";
import { readRows } from "./read-file";

const ROWS = 40;

describeDb("federal change log of an import", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let registrar: Actor;
  /** Change-log entries after `afterId`, as learner id → number of entries. */
  const entriesSince = async (afterId: string) => {
    const rows = await db.sql.query<{ learnerId: string; n: string }>(
      `SELECT "learnerId", count(*) AS n FROM "LearnerChange" WHERE id > $1 GROUP BY "learnerId"`,
      [afterId],
    );
    return new Map(rows.map((r) => [r.learnerId, Number(r.n)]));
  };
  const lastId = async () => (await db.sql.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM "LearnerChange"`))[0]!.id;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    registrar = (await loadActor(db.prisma, await signedInClaims(db.prisma, "school.registrar")))!;
  });
  afterAll(() => db?.close());

  it("logs every imported learner twice (the learner row and its enrolment), and nothing else", async () => {
    const from = await lastId();
    const file = new Uint8Array(Buffer.from(toCsv([HEADERS, ...Array.from({ length: ROWS }, (_, i) => learnerRow(7000 + i))]), "utf8"));
    const result = await importLearners(db.prisma, registrar, await readRows(file, "log.csv"), { commit: true, fileName: "log.csv", ip: null });
    expect(result).toMatchObject({ committed: true, created: ROWS });

    const logged = await entriesSince(from);
    const imported = await db.sql.query<{ id: string }>(
      `SELECT l.id FROM "Learner" l JOIN "Enrolment" e ON e."learnerId" = l.id WHERE l."createdAt" >= now() - interval '1 hour' AND e."organisationId" = $1`,
      [db.seeded.organisationIds.school1],
    );
    const importedIds = new Set(imported.map((r) => r.id));
    expect(logged.size).toBe(ROWS);
    for (const [learnerId, n] of logged) {
      expect(importedIds.has(learnerId), learnerId).toBe(true);
      expect(n, learnerId).toBe(2);
    }
  });

  it("logs both learners when one statement moves an enrolment, and nothing for a statement that changed no row", async () => {
    const [withOrders, b] = await db.sql.query<{ id: string; learnerId: string }>(`SELECT id, "learnerId" FROM "Enrolment" ORDER BY id LIMIT 2`);
    // An ended enrolment of the same learner, without orders, to move.
    const [a] = await db.sql.query<{ id: string; learnerId: string }>(
      `INSERT INTO "Enrolment" SELECT (jsonb_populate_record(e, jsonb_build_object('id', gen_random_uuid(), 'status', 'ENDED', 'endedAt', e."enrolledAt"))).*
         FROM "Enrolment" e WHERE e.id = $1 RETURNING id, "learnerId"`,
      [withOrders!.id],
    );
    // A second record of a's learner, without SNILS, to move a's enrolment to.
    const [twin] = await db.sql.query<{ id: string }>(
      `INSERT INTO "Learner" SELECT (jsonb_populate_record(l, jsonb_build_object('id', gen_random_uuid(), 'snilsEnc', NULL, 'snilsIndex', NULL, 'snilsChecksumOk', NULL))).*
         FROM "Learner" l WHERE l.id = $1 RETURNING id`,
      [a!.learnerId],
    );
    // An enrolment with orders cannot change learner: its orders reference it by (learnerId, id).
    await expect(db.sql.query(`UPDATE "Enrolment" SET "learnerId" = $2 WHERE id = $1`, [withOrders!.id, twin!.id])).rejects.toThrow(/MovementEvent_learnerId_enrolmentId_fkey/);
    const from = await lastId();
    await db.sql.query(`UPDATE "Enrolment" SET "learnerId" = CASE WHEN id = $1 THEN $2::uuid ELSE "learnerId" END WHERE id IN ($1, $3)`, [a!.id, twin!.id, b!.id]);
    // Two rows updated by one statement: a moved (old and new learner), b unchanged (its learner).
    expect(await entriesSince(from)).toEqual(new Map([[a!.learnerId, 1], [twin!.id, 1], [b!.learnerId, 1]]));

    const before = await lastId();
    await db.sql.query(`UPDATE "Learner" SET "birthPlace" = 'x' WHERE false`);
    await db.sql.query(`INSERT INTO "Enrolment" SELECT * FROM "Enrolment" WHERE false`);
    await db.sql.query(`DELETE FROM "Enrolment" WHERE false`);
    expect(await lastId()).toBe(before);
    await db.sql.query(`UPDATE "Enrolment" SET "learnerId" = $2 WHERE id = $1`, [a!.id, a!.learnerId]);
  });
});
