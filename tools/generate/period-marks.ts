// The current academic year's period marks (issue 21, "Scale"): what a
// school's e-journal would have pushed by December — «1 четверть» and
// «2 четверть» for grades 2–9 (grade 1 is not marked), «1 полугодие» for
// grades 10–11 — in the core curriculum subjects of the learner's grade,
// written by the learner's school. Subjects are vocabulary entries by code
// (prisma/migrations/20261207160000_subjects), so every row has a subjectId.
import { ACADEMIC_YEAR, KIND, type RegionPlan } from "./plan";
import { idFor, mix, rng } from "./random";
import type { Cell } from "./copy";

/** The vocabulary's subjects by code: id and name (the row keeps the name as entered). */
export type SubjectsByCode = ReadonlyMap<string, { id: string; name: string }>;

export const PERIOD_MARK_COLUMNS = ["id", "learnerId", "organisationId", "academicYear", "subject", "subjectId", "period", "mark", "createdById"] as const;

/** The core subjects marked in a grade (the ФГОС curriculum, kept short). */
export function coreSubjects(grade: number): string[] {
  if (grade <= 4) return ["RUSSIAN", "LITERARY_READING", "MATH", "WORLD_AROUND", "ENGLISH", "PHYSICAL_EDUCATION"];
  if (grade <= 9) {
    return [
      "RUSSIAN", "LITERATURE", "ENGLISH",
      ...(grade <= 6 ? ["MATH"] : ["ALGEBRA", "GEOMETRY", "PHYSICS", "COMPUTER_SCIENCE"]),
      "HISTORY", ...(grade >= 6 ? ["SOCIAL_STUDIES"] : []), "GEOGRAPHY", "BIOLOGY",
      ...(grade >= 8 ? ["CHEMISTRY"] : []), "PHYSICAL_EDUCATION",
    ];
  }
  return ["RUSSIAN", "LITERATURE", "ENGLISH", "ALGEBRA_ANALYSIS", "GEOMETRY", "HISTORY", "SOCIAL_STUDIES", "PHYSICS", "CHEMISTRY", "BIOLOGY", "COMPUTER_SCIENCE", "PHYSICAL_EDUCATION"];
}

/** The periods already closed in the current year for a grade (none in grade 1). */
export function periodsOf(grade: number): string[] {
  if (grade < 2) return [];
  return grade <= 9 ? ["1 четверть", "2 четверть"] : ["1 полугодие"];
}

/** Upper bound of rows per learner: keeps the ids of different learners apart. */
export const MAX_PERIOD_MARKS = 32;

const codeOf = (subjects: SubjectsByCode, code: string) => {
  const s = subjects.get(code);
  if (!s) throw new Error(`The subjects vocabulary has no ${code}: migrate the database first`);
  return s;
};

/**
 * A learner's period marks. Each learner has an ability (2.6–4.6) and each
 * mark scatters around it, so a class reads as real ones do: mostly 4s and
 * 3s, some 5s, a few 2s, and the same learners strong across subjects.
 * Its own random stream (not the year marks'), so the rest of the region is
 * the same with or without these rows.
 */
export function periodMarkRows(plan: RegionPlan, seed: number, i: number, actorId: string, subjects: SubjectsByCode): Cell[][] {
  const p = plan.learners;
  if (p.kind[i] !== KIND.SCHOOL) return [];
  const grade = p.grade[i]!;
  const periods = periodsOf(grade);
  if (!periods.length) return [];
  const r = rng(mix(seed, i + 19_000_043));
  const ability = 2.6 + 2 * r();
  const org = plan.organisations[p.organisation[i]!]!.id;
  const learnerId = idFor("Learner", i);
  const rows: Cell[][] = [];
  for (const period of periods) {
    for (const code of coreSubjects(grade)) {
      const subject = codeOf(subjects, code);
      const mark = Math.max(2, Math.min(5, Math.round(ability + (r() - 0.5) * 1.8)));
      rows.push([idFor("PeriodMark", i * MAX_PERIOD_MARKS + rows.length), learnerId, org, ACADEMIC_YEAR, subject.name, subject.id, period, mark, actorId]);
    }
  }
  return rows;
}
