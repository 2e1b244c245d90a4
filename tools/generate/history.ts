// Each learner's history in the registry: enrolments (with an earlier school
// for transferred learners), movement orders, transfers, health records,
// achievements, exam results and period/year marks — all derived from the
// learner's placement and index, so every table can be written in its own pass.
import { addDays, ageOn, iso, TODAY } from "./dates";
import { ACADEMIC_YEAR, KIND, schoolLevel, type RegionPlan } from "./plan";
import { chance, idFor, int, mix, pick, rng, weighted, type Random } from "./random";
import type { Cell } from "./copy";

export interface Path {
  /** Date the current basic enrolment started. */
  enrolledAt: string;
  /** First day at the first school (grade 1 or course 1), or the kindergarten start. */
  firstDay: string;
  /** Grade entered at the current school after a transfer, or 0. */
  transferGrade: number;
  transferDate: string | null;
}

export function pathOf(plan: RegionPlan, seed: number, i: number, birthDate: string): Path {
  const p = plan.learners;
  const r = rng(mix(seed, i + 7_000_001));
  if (p.kind[i] === KIND.PRESCHOOL) {
    const start = addDays(birthDate, int(r, 550, 1100));
    const enrolledAt = start > "2026-09-01" ? "2026-09-01" : start;
    return { enrolledAt, firstDay: enrolledAt, transferGrade: 0, transferDate: null };
  }
  const firstDay = iso(ACADEMIC_YEAR - (p.grade[i]! - 1), 9, 1);
  if (p.previousOrganisation[i]! < 0) return { enrolledAt: firstDay, firstDay, transferGrade: 0, transferDate: null };
  const transferGrade = int(r, 2, p.grade[i]!);
  const transferDate = addDays(iso(ACADEMIC_YEAR - (p.grade[i]! - transferGrade), 9, 1), -int(r, 1, 60));
  return { enrolledAt: transferDate, firstDay, transferGrade, transferDate };
}

const levelOf = (plan: RegionPlan, i: number) => plan.programmes[plan.learners.programme[i]!]!.level;

export const ENROLMENT_COLUMNS = ["id", "learnerId", "organisationId", "level", "isBasic", "programmeId", "classId", "grade", "classLetter", "status", "enrolledAt", "endedAt"] as const;

export function enrolmentRows(plan: RegionPlan, i: number, path: Path): Cell[][] {
  const p = plan.learners;
  const org = plan.organisations;
  const learnerId = idFor("Learner", i);
  const cls = p.schoolClass[i]! >= 0 ? plan.classes[p.schoolClass[i]!]! : null;
  const school = p.kind[i] === KIND.SCHOOL;
  const rows: Cell[][] = [[idFor("Enrolment", i), learnerId, org[p.organisation[i]!]!.id, levelOf(plan, i), true, plan.programmes[p.programme[i]!]!.id, cls?.id, school ? p.grade[i] : null, cls?.letter, "ACTIVE", path.enrolledAt, null]];
  if (path.transferDate) {
    const prev = p.previousOrganisation[i]!;
    const grade = path.transferGrade - 1;
    rows.push([idFor("EnrolmentPrev", i), learnerId, org[prev]!.id, schoolLevel(grade), true, plan.programmes[plan.programmeOf.get(`${prev}:${schoolLevel(grade)}`)!]!.id, null, grade, null, "ENDED", path.firstDay, path.transferDate]);
  }
  if (p.additional[i]! >= 0) {
    const prog = plan.programmes[p.additional[i]!]!;
    rows.push([idFor("EnrolmentAdd", i), learnerId, org[prog.organisation]!.id, "ADDITIONAL", false, prog.id, null, null, null, "ACTIVE", iso(2026 - (i % 2), 9, 15), null]);
  }
  return rows;
}

export const MOVEMENT_COLUMNS = ["id", "learnerId", "organisationId", "type", "orderNumber", "orderDate", "effectiveDate", "enrolmentId", "fromLevel", "toLevel", "fromGrade", "toGrade", "fromLetter", "toLetter", "transferId", "createdById", "leavingReason", "reason"] as const;

/**
 * One in eight learners who changed school left the previous one by an
 * expulsion with a coded reason (came back from family education, another
 * region, …) and was enrolled anew, instead of a transfer: the movement
 * report and the municipal account have reasons to count. [code, order text].
 */
const LEFT_BEFORE = [
  ["FAMILY_EDUCATION", "Переход на семейное образование по заявлению родителей"],
  ["TRANSFER_OTHER_REGION", "Переезд семьи в другой регион"],
  ["HEALTH", null],
  ["TRANSFER_ABROAD", "Выезд за пределы РФ"],
  ["DISCIPLINARY", null],
  ["OTHER", "Решение комиссии по делам несовершеннолетних"],
] as const;
export const leftBeforeTransfer = (i: number) => (i % 8 === 3 ? LEFT_BEFORE[Math.floor(i / 8) % LEFT_BEFORE.length]! : null);

export function movementRows(plan: RegionPlan, i: number, path: Path, actorId: string): Cell[][] {
  const p = plan.learners;
  const learnerId = idFor("Learner", i);
  const current = plan.organisations[p.organisation[i]!]!.id;
  const prev = p.previousOrganisation[i]! >= 0 ? plan.organisations[p.previousOrganisation[i]!]!.id : null;
  const letter = p.schoolClass[i]! >= 0 ? plan.classes[p.schoolClass[i]!]!.letter : null;
  const rows: Cell[][] = [];
  const order = (date: string) => `${(i % 397) + 1}-у от ${date.slice(8, 10)}.${date.slice(5, 7)}`;
  const event = (org: string, type: string, date: string, enrolment: string, from: [string | null, number | null, string | null], to: [string | null, number | null, string | null], transferId: string | null = null, left: readonly [string, string | null] | null = null) =>
    rows.push([idFor("MovementEvent", i * 8 + rows.length), learnerId, org, type, order(date), date, date, enrolment, from[0], to[0], from[1], to[1], from[2], to[2], transferId, actorId, type === "TRANSFER_OUT" ? "TRANSFER_IN_REGION" : (left?.[0] ?? null), left?.[1] ?? null]);
  const none: [null, null, null] = [null, null, null];
  if (p.kind[i] === KIND.PRESCHOOL) {
    event(current, "ENROLMENT", path.enrolledAt, idFor("Enrolment", i), none, ["PRESCHOOL", null, null]);
  } else {
    const grade = p.grade[i]!;
    const school = p.kind[i] === KIND.SCHOOL;
    const lvl = (g: number) => (school ? schoolLevel(g) : "VOCATIONAL");
    const g = (n: number) => (school ? n : null);
    const firstOrg = prev ?? current;
    const firstEnrolment = prev ? idFor("EnrolmentPrev", i) : idFor("Enrolment", i);
    event(firstOrg, "ENROLMENT", path.firstDay, firstEnrolment, none, [lvl(1), g(1), prev ? null : letter]);
    // Year-end promotions of the last three years.
    for (let k = Math.min(grade - 1, 3); k >= 1; k--) {
      const to = grade - k + 1;
      const atPrev = prev !== null && to < path.transferGrade;
      const date = iso(ACADEMIC_YEAR - k + 1, 5, 30);
      event(atPrev ? prev! : current, "PROMOTION", date, atPrev ? idFor("EnrolmentPrev", i) : idFor("Enrolment", i), [lvl(to - 1), g(to - 1), atPrev ? null : letter], [lvl(to), g(to), atPrev ? null : letter]);
    }
    if (prev && path.transferDate) {
      const t = path.transferGrade;
      const left = leftBeforeTransfer(i);
      if (left) {
        event(prev, "EXPULSION", path.transferDate, idFor("EnrolmentPrev", i), [lvl(t - 1), g(t - 1), null], none, null, left);
        event(current, "ENROLMENT", path.transferDate, idFor("Enrolment", i), none, [lvl(t), g(t), letter]);
      } else {
        event(prev, "TRANSFER_OUT", path.transferDate, idFor("EnrolmentPrev", i), [lvl(t - 1), g(t - 1), null], none, idFor("Transfer", i));
        event(current, "TRANSFER_IN", path.transferDate, idFor("Enrolment", i), none, [lvl(t), g(t), letter], idFor("Transfer", i));
      }
    }
  }
  if (p.additional[i]! >= 0) {
    const prog = plan.programmes[p.additional[i]!]!;
    event(plan.organisations[prog.organisation]!.id, "ENROLMENT", iso(2026 - (i % 2), 9, 15), idFor("EnrolmentAdd", i), none, ["ADDITIONAL", null, null]);
  }
  return rows;
}

export const TRANSFER_COLUMNS = ["id", "learnerId", "fromOrganisationId", "toOrganisationId", "fromEnrolmentId", "status", "requestedAt", "decidedAt", "createdById", "decidedById"] as const;

export function transferRow(plan: RegionPlan, i: number, path: Path, actorId: string): Cell[] | null {
  const p = plan.learners;
  if (!path.transferDate || leftBeforeTransfer(i)) return null;
  return [idFor("Transfer", i), idFor("Learner", i), plan.organisations[p.previousOrganisation[i]!]!.id, plan.organisations[p.organisation[i]!]!.id, idFor("EnrolmentPrev", i), "ACCEPTED", `${addDays(path.transferDate, -5)} 10:00:00+03`, `${path.transferDate} 12:00:00+03`, actorId, actorId];
}

export const HEALTH_COLUMNS = ["id", "learnerId", "organisationId", "recordedAt", "healthGroup", "peGroup", "disability", "disabilityReason", "disabilityUntil", "disabilityIndefinite", "needsAdaptedProgramme", "ovzCategory", "longTermTreatment", "treatmentFrom", "createdById"] as const;
const OVZ = ["HARD_OF_HEARING", "VISUALLY_IMPAIRED", "SPEECH_DISORDER", "MUSCULOSKELETAL", "DEVELOPMENTAL_DELAY", "AUTISM", "INTELLECTUAL_DISABILITY", "COMPLEX"];

export function healthRows(plan: RegionPlan, seed: number, i: number, birthDate: string, actorId: string): Cell[][] {
  const r = rng(mix(seed, i + 9_000_011));
  const org = plan.organisations[plan.learners.organisation[i]!]!.id;
  const record = (slot: number, recordedAt: string): Cell[] => {
    const group = weighted(r, [["I", 30], ["II", 50], ["III", 15], ["IV", 2], ["V", 3]] as const);
    const pe = group === "V" ? "SPECIAL_B" : weighted(r, [["MAIN", 65], ["PREPARATORY", 25], ["SPECIAL_A", 7], ["SPECIAL_B", 3]] as const);
    const disabled = group === "V";
    const indefinite = disabled && chance(r, 0.2);
    const adapted = chance(r, disabled ? 0.5 : 0.025);
    const treatment = chance(r, 0.01);
    return [idFor("HealthRecord", i * 2 + slot), idFor("Learner", i), org, recordedAt, group, pe,
      disabled ? (ageOn(birthDate, recordedAt) < 18 ? "CHILD" : "GROUP_III") : null, disabled ? "Заболевание (код МКБ-10 по справке МСЭ)" : null,
      disabled && !indefinite ? addDays(recordedAt, 730) : null, indefinite, adapted, adapted ? pick(r, OVZ) : null,
      treatment, treatment ? addDays(recordedAt, -int(r, 10, 200)) : null, actorId];
  };
  const latest = addDays("2025-09-01", int(r, 0, 440));
  const rows = [record(0, latest < birthDate ? TODAY : latest)];
  if (chance(r, 0.3) && addDays(latest, -365) > birthDate) rows.push(record(1, addDays(latest, -365)));
  return rows;
}

export const ACHIEVEMENT_COLUMNS = ["id", "learnerId", "organisationId", "kind", "title", "organiser", "level", "result", "date", "createdById"] as const;
const CONTESTS = [["Олимпиада", "Всероссийская олимпиада школьников по математике"], ["Олимпиада", "Всероссийская олимпиада школьников по русскому языку"], ["Конкурс", "Конкурс чтецов «Живая классика»"], ["Соревнования", "Первенство по лёгкой атлетике"], ["Конкурс", "Конкурс проектов «Шаг в будущее»"], ["Соревнования", "Турнир по шахматам"]] as const;

export function achievementRows(plan: RegionPlan, seed: number, i: number, actorId: string): Cell[][] {
  if (plan.learners.kind[i] !== KIND.SCHOOL) return [];
  const r = rng(mix(seed, i + 11_000_003));
  if (!chance(r, 0.25)) return [];
  const org = plan.organisations[plan.learners.organisation[i]!]!.id;
  return Array.from({ length: int(r, 1, 3) }, (_, k) => {
    const [kind, title] = pick(r, CONTESTS);
    return [idFor("Achievement", i * 4 + k), idFor("Learner", i), org, kind, title, "Министерство образования Демонстрационной области",
      weighted(r, [["SCHOOL", 50], ["MUNICIPAL", 30], ["REGIONAL", 14], ["INTERREGIONAL", 3], ["NATIONAL", 2.5], ["INTERNATIONAL", 0.5]] as const),
      weighted(r, [["PARTICIPANT", 70], ["PRIZE_WINNER", 22], ["WINNER", 8]] as const), addDays("2024-10-01", int(r, 0, 780)), actorId];
  });
}

export const EXAM_COLUMNS = ["id", "learnerId", "organisationId", "kind", "subject", "subjectId", "year", "primaryScore", "mark", "testScore", "createdById"] as const;
/** The vocabulary's subject ids by name (the migration seeds them): every generated mark names a vocabulary subject. */
export type SubjectIdsByName = ReadonlyMap<string, string>;
const subjectIdOf = (ids: SubjectIdsByName, name: string) => {
  const id = ids.get(name);
  if (!id) throw new Error(`The subjects vocabulary has no «${name}»: migrate the database first`);
  return id;
};
const ELECTIVES = ["Обществознание", "Биология", "Информатика", "География", "Английский язык", "Химия", "Физика", "История"];

export function examRows(plan: RegionPlan, seed: number, i: number, actorId: string, subjectIds: SubjectIdsByName): Cell[][] {
  const p = plan.learners;
  if (p.kind[i] !== KIND.SCHOOL || p.grade[i]! < 10) return [];
  const r = rng(mix(seed, i + 13_000_027));
  const year = ACADEMIC_YEAR - (p.grade[i]! - 10);
  const org = plan.organisations[p.organisation[i]!]!.id;
  const first = int(r, 0, ELECTIVES.length - 1);
  const subjects = ["Русский язык", "Математика", ELECTIVES[first]!, ELECTIVES[(first + int(r, 1, ELECTIVES.length - 1)) % ELECTIVES.length]!];
  return subjects.map((subject, k) => {
    const mark = weighted(r, [[2, 3], [3, 35], [4, 42], [5, 20]] as const);
    return [idFor("ExamResult", i * 4 + k), idFor("Learner", i), org, chance(r, 0.03) ? "GVE" : "OGE", subject, subjectIdOf(subjectIds, subject), year, mark * 6 + int(r, 0, 5), mark, null, actorId];
  });
}

export const GRADE_COLUMNS = ["id", "learnerId", "organisationId", "academicYear", "subject", "subjectId", "period", "mark", "createdById"] as const;
const SUBJECTS = ["Русский язык", "Литература", "Математика", "Английский язык", "История", "Физическая культура"];

export function gradeRows(plan: RegionPlan, seed: number, i: number, years: number, actorId: string, subjectIds: SubjectIdsByName): Cell[][] {
  const p = plan.learners;
  if (p.kind[i] !== KIND.SCHOOL) return [];
  const r = rng(mix(seed, i + 15_000_041));
  const ability = 3 + 2 * r();
  const org = plan.organisations[p.organisation[i]!]!.id;
  const rows: Cell[][] = [];
  const ids = SUBJECTS.map((name) => subjectIdOf(subjectIds, name));
  const add = (year: number, period: string) => {
    for (const [k, subject] of SUBJECTS.entries()) {
      const mark = Math.max(2, Math.min(5, Math.round(ability + (r() - 0.5) * 1.6)));
      rows.push([idFor("SubjectGrade", i * 32 + rows.length), idFor("Learner", i), org, year, subject, ids[k]!, period, mark, actorId]);
    }
  };
  const grade = p.grade[i]!;
  // The current year's period marks are period-marks.ts's (core subjects by grade).
  for (let k = 1; k <= years; k++) if (grade - k >= 2) add(ACADEMIC_YEAR - k, "год");
  return rows;
}
