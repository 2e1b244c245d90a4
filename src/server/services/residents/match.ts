// Matching resident children with learners of the region, set-based: one query
// for a whole file (or for a municipality's stored residents).
//   SNILS               the resident's SNILS blind index equals a learner's;
//   NAME_BIRTH_ADDRESS  no SNILS match, and exactly one learner has the same
//                       search name (Learner.searchName's rule), birth date and
//                       a LearnerAddress of any kind on the same ГАР house;
//   NONE                otherwise: a known resident who is not a learner here.
// Two learners with one SNILS (a duplicate the data-quality check reports) or
// two fitting the name, birth date and house match nobody: a wrong link would
// show one child's school as another's.
import type { ResidentMatchCode } from "@/lib/schemas/residents";
import type { DbTx } from "../../db";

export interface MatchKey {
  snilsIndex: string | null;
  searchName: string;
  birthDate: string;
  garHouseId: bigint | null;
}

export interface MatchFound {
  learnerId: string | null;
  matchedBy: ResidentMatchCode;
}

const NONE: MatchFound = { learnerId: null, matchedBy: "NONE" };
const CHUNK = 5000;

/** One answer per key, in order. */
export async function matchLearners(tx: DbTx, regionId: string, keys: readonly MatchKey[]): Promise<MatchFound[]> {
  const out: MatchFound[] = keys.map(() => NONE);
  for (let start = 0; start < keys.length; start += CHUNK) {
    const part = keys.slice(start, start + CHUNK);
    const rows = await tx.$queryRaw<{ i: number; bySnils: string[] | null; byName: string[] | null }[]>`
      WITH k AS (
        SELECT * FROM unnest(${part.map((_, i) => i)}::int[], ${part.map((k) => k.snilsIndex)}::text[], ${part.map((k) => k.searchName)}::text[],
                             ${part.map((k) => k.birthDate)}::date[], ${part.map((k) => k.garHouseId?.toString() ?? null)}::bigint[])
          AS k(i, snils_index, search_name, birth, house)
      )
      SELECT k.i,
        (SELECT array_agg(l."id"::text) FROM "Learner" l
          WHERE k.snils_index IS NOT NULL AND l."snilsIndex" = k.snils_index AND l."regionId" = ${regionId}::uuid) AS "bySnils",
        (SELECT array_agg(DISTINCT l."id"::text) FROM "Learner" l JOIN "LearnerAddress" a ON a."learnerId" = l."id"
          WHERE k.house IS NOT NULL AND a."garHouseId" = k.house AND l."searchName" = k.search_name
            AND l."birthDate" = k.birth AND l."regionId" = ${regionId}::uuid) AS "byName"
      FROM k`;
    for (const r of rows) {
      const bySnils = r.bySnils ?? [];
      const byName = r.byName ?? [];
      const found: MatchFound =
        bySnils.length === 1 ? { learnerId: bySnils[0]!, matchedBy: "SNILS" }
        : bySnils.length === 0 && byName.length === 1 ? { learnerId: byName[0]!, matchedBy: "NAME_BIRTH_ADDRESS" }
        : NONE;
      out[start + r.i] = found;
    }
  }
  return out;
}

/**
 * Matches the municipality's unmatched residents again (learners are created,
 * given a SNILS or an address after the list was loaded). Returns the learners
 * newly linked. Matched residents keep their link: a learner is not deleted.
 */
export async function rematchUnmatched(tx: DbTx, regionId: string, municipalityId: string): Promise<string[]> {
  const stored = await tx.residentChild.findMany({
    where: { municipalityId, matchedBy: "NONE" },
    select: { id: true, snilsIndex: true, searchName: true, birthDate: true, garHouseId: true },
  });
  const found = await matchLearners(
    tx,
    regionId,
    stored.map((r) => ({ snilsIndex: r.snilsIndex, searchName: r.searchName, birthDate: r.birthDate.toISOString().slice(0, 10), garHouseId: r.garHouseId })),
  );
  const linked = stored.flatMap((r, i) => (found[i]!.learnerId ? [{ id: r.id, ...found[i]! }] : []));
  if (linked.length) {
    await tx.$executeRaw`
      UPDATE "ResidentChild" AS r SET "learnerId" = v.learner, "matchedBy" = v.how::"ResidentMatch", "updatedAt" = now()
      FROM unnest(${linked.map((l) => l.id)}::uuid[], ${linked.map((l) => l.learnerId)}::uuid[], ${linked.map((l) => l.matchedBy)}::text[]) AS v(id, learner, how)
      WHERE r."id" = v.id AND r."municipalityId" = ${municipalityId}::uuid`;
  }
  return linked.map((l) => l.learnerId!);
}
