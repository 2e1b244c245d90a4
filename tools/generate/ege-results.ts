// ЕГЭ results of last year's grade-11 leavers (issue 21, "Scale"). The region
// keeps only current learners; the leavers it still holds are the college
// first-years who came after grade 11 (people.ts: a fifth of college entrants
// start at 17, born before 2010). Their ЕГЭ of June 2026 is written as the
// exam centre's file would give it (giaSubjectCode from GiaSubject) by a
// school of their municipality, where they sat it. Russian, mathematics at
// the профильный (test score) or базовый (mark) level, and one or two
// electives. ОГЭ results are history.ts's examRows (today's grades 10–11).
import { ACADEMIC_YEAR, KIND, gaussian, type RegionPlan } from "./plan";
import { chance, idFor, int, mix, rng, weighted, type Random } from "./random";
import type { Cell } from "./copy";
import type { SubjectsByCode } from "./period-marks";

export const EGE_COLUMNS = ["id", "learnerId", "organisationId", "kind", "subject", "subjectId", "giaSubjectCode", "year", "primaryScore", "mark", "testScore", "createdById"] as const;

/** ФЦТ code → vocabulary code (the GiaSubject seed of the subjects migration). */
const EGE_ELECTIVES: readonly (readonly [number, string])[] = [[12, "SOCIAL_STUDIES"], [3, "PHYSICS"], [6, "BIOLOGY"], [5, "COMPUTER_SCIENCE"], [4, "CHEMISTRY"], [7, "HISTORY"], [9, "ENGLISH"], [18, "LITERATURE"], [8, "GEOGRAPHY"]];
const BASIC_MATH = 22;
/** Born before this day: a college first-year who entered after grade 11. */
const AFTER_GRADE_11 = "2010-01-01";

/** A test score around a subject's typical mean; a few reach 100. */
const testScore = (r: Random, mean: number) => Math.max(0, Math.min(100, Math.round(mean + 17 * gaussian(r))));

const schoolsOf = new WeakMap<RegionPlan, number[][]>();
/** The schools of each municipality (any school where a municipality has none). */
function schoolPools(plan: RegionPlan): number[][] {
  let pools = schoolsOf.get(plan);
  if (!pools) {
    const all = plan.organisations.flatMap((o, k) => (o.type === "GENERAL_SCHOOL" || o.type === "BOARDING_SCHOOL" ? [k] : []));
    pools = plan.municipalities.map((_, m) => {
      const own = all.filter((k) => plan.organisations[k]!.municipality === m);
      return own.length ? own : all;
    });
    schoolsOf.set(plan, pools);
  }
  return pools;
}

export function egeRows(plan: RegionPlan, seed: number, i: number, birthDate: string, actorId: string, subjects: SubjectsByCode): Cell[][] {
  const p = plan.learners;
  if (p.kind[i] !== KIND.COLLEGE || p.grade[i] !== 1 || birthDate >= AFTER_GRADE_11) return [];
  const pool = schoolPools(plan)[plan.organisations[p.organisation[i]!]!.municipality]!;
  if (!pool.length) return [];
  const r = rng(mix(seed, i + 21_000_059));
  const school = plan.organisations[pool[int(r, 0, pool.length - 1)]!]!.id;
  const year = ACADEMIC_YEAR; // the June before this academic year
  const rows: Cell[][] = [];
  const add = (giaCode: number, code: string, mark: number | null, score: number | null) => {
    const s = subjects.get(code);
    if (!s) throw new Error(`The subjects vocabulary has no ${code}: migrate the database first`);
    rows.push([idFor("EgeResult", i * 4 + rows.length), idFor("Learner", i), school, "EGE", s.name, s.id, giaCode, year, null, mark, score, actorId]);
  };
  add(1, "RUSSIAN", null, testScore(r, 68));
  // College entrants mostly took the basic level.
  if (chance(r, 0.7)) add(BASIC_MATH, "MATH", weighted(r, [[2, 4], [3, 40], [4, 40], [5, 16]] as const), null);
  else add(2, "MATH", null, testScore(r, 52));
  const first = int(r, 0, EGE_ELECTIVES.length - 1);
  const electives = chance(r, 0.5) ? [first] : [first, (first + int(r, 1, EGE_ELECTIVES.length - 1)) % EGE_ELECTIVES.length];
  for (const k of electives) add(EGE_ELECTIVES[k]![0], EGE_ELECTIVES[k]![1], null, testScore(r, 56));
  return rows;
}
