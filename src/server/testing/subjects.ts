// The subjects vocabulary in tests: the migration seeds it, tests name a
// subject by its code (`MATH`) and write its id.
import type { Db, DbTx } from "../db";

/** The id of the seeded subject with this code (throws when the vocabulary lacks it). */
export async function subjectIdOf(db: Db | DbTx, code: string): Promise<string> {
  return (await db.subject.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** A subject made for one test (a unique slot for a mark), active, at every school level. */
export async function testSubject(db: Db | DbTx, code: string, name = `Тестовый предмет ${code}`): Promise<string> {
  const row = await db.subject.upsert({
    where: { code },
    create: { code, name, levels: ["PRIMARY", "BASIC", "SECONDARY"], sortOrder: 9000 },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Every seeded subject's id by code, for fixtures that name several. */
export async function subjectIds(db: Db | DbTx): Promise<Record<string, string>> {
  return Object.fromEntries((await db.subject.findMany({ select: { code: true, id: true } })).map((s) => [s.code, s.id]));
}
