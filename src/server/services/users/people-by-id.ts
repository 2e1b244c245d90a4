// Names of accounts by id for "who created / approved" columns. Its own module
// low in the services so approvals and machine clients can both use it
// without importing each other.
import type { DbTx } from "../../db";

/** People by id, for "who created / approved" columns (ids without a row map to null). */
export async function peopleById(db: DbTx, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, login: true, fullName: true } }) : [];
  const map = new Map(rows.map((r) => [r.id, r]));
  return (id: string | null) => (id ? (map.get(id) ?? null) : null);
}
