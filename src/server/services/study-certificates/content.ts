// What a справка об обучении says, gathered once when it is issued and kept
// with the register row (StudyCertificate.content): the organisation's
// details, the learner, the programme and class of the chosen academic year,
// the dates of study at this organisation, and the marks of the period. A
// re-print renders the kept content, so the same number always shows the same
// document.
import { z } from "zod";
import { GRADE_PERIODS } from "@/lib/schemas/portfolio";
import type { DbTx } from "../../db";
import { badRequest } from "../../errors";

const zIsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZStudyCertificateContent = z.object({
  organisation: z.object({
    fullName: z.string(),
    address: z.string().nullable(),
    licenceNumber: z.string().nullable(),
    licenceDate: zIsoDay.nullable(),
    inn: z.string(),
    ogrn: z.string(),
    headName: z.string().nullable(),
  }),
  learner: z.object({ lastName: z.string(), firstName: z.string(), middleName: z.string().nullable(), birthDate: zIsoDay }),
  /** The programme's name (or null when the enrolment names none) and its level. */
  programme: z.string().nullable(),
  level: z.string(),
  /** «5 А» in the chosen academic year, or null (a level without classes). */
  className: z.string().nullable(),
  /** The learner's enrolments at this organisation, oldest first (to: null = still studying). */
  studyPeriods: z.array(z.object({ from: zIsoDay, to: zIsoDay.nullable() })),
  academicYear: z.number().int(),
  /** The marks' columns: the chosen period, or every period of the year that has a mark. */
  periods: z.array(z.string()),
  /** One row per subject (vocabulary name), a cell per period: a mark 2–5, a credit, or nothing. */
  subjects: z.array(z.object({ name: z.string(), cells: z.array(z.object({ mark: z.number().int().nullable(), credit: z.boolean().nullable() }).nullable()) })),
});
export type StudyCertificateContent = z.infer<typeof ZStudyCertificateContent>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const PERIOD_ORDER = new Map<string, number>(GRADE_PERIODS.map((p, i) => [p, i]));

/** First and last day of an academic year (2026 = 01.09.2026–31.08.2027). */
export const academicYearBounds = (year: number) => ({ start: `${year}-09-01`, end: `${year + 1}-08-31` });

/** A placement for the class line: «5 А», or «5» without a letter. */
const classNameOf = (grade: number | null | undefined, letter: string | null | undefined) => (grade == null ? null : [grade, letter].filter(Boolean).join(" "));

interface OwnEnrolment {
  id: string;
  isBasic: boolean;
  level: string;
  enrolledAt: Date;
  endedAt: Date | null;
  grade: number | null;
  classLetter: string | null;
  programme: { name: string } | null;
  schoolClass: { academicYear: number; grade: number; letter: string; programme: { name: string } } | null;
}

/**
 * The class of the chosen year: the enrolment's class when it is that year's;
 * else the class the latest standing order of that year placed the learner in;
 * else the grade the last order before the year's end left; else the
 * enrolment's own grade and letter.
 */
async function classOfYear(tx: DbTx, learnerId: string, enrolment: OwnEnrolment, academicYear: number, yearEnd: string) {
  if (enrolment.schoolClass?.academicYear === academicYear) return { name: classNameOf(enrolment.schoolClass.grade, enrolment.schoolClass.letter), programme: enrolment.schoolClass.programme.name };
  const events = await tx.movementEvent.findMany({
    where: { learnerId, enrolmentId: enrolment.id, type: { not: "CANCELLATION" }, cancelledBy: null, toGrade: { not: null }, effectiveDate: { lte: new Date(`${yearEnd}T00:00:00Z`) } },
    select: { toGrade: true, toLetter: true, toClass: { select: { academicYear: true, programme: { select: { name: true } } } } },
    orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }],
  });
  const placed = events.find((e) => e.toClass?.academicYear === academicYear) ?? events[0];
  if (placed) return { name: classNameOf(placed.toGrade, placed.toLetter), programme: placed.toClass?.programme.name ?? null };
  return { name: classNameOf(enrolment.grade, enrolment.classLetter), programme: null };
}

/**
 * Gathers the content of a справка for `learnerId` at `organisationId`. The
 * academic year must fall within the learner's study at this organisation
 * (a former school certifies only its own period); marks are the current
 * (not superseded) ones this organisation recorded, in the vocabulary's
 * subjects (rows still unmapped free text are left out).
 */
export async function gatherContent(tx: DbTx, organisationId: string, learnerId: string, academicYear: number, period: string | undefined): Promise<StudyCertificateContent> {
  const [organisation, learner, enrolments] = await Promise.all([
    tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { fullName: true, address: true, licenceNumber: true, licenceDate: true, inn: true, ogrn: true, headName: true },
    }),
    tx.learner.findUniqueOrThrow({ where: { id: learnerId }, select: { lastName: true, firstName: true, middleName: true, birthDate: true } }),
    tx.enrolment.findMany({
      where: { learnerId, organisationId, cancelledAt: null },
      select: {
        id: true,
        isBasic: true,
        level: true,
        enrolledAt: true,
        endedAt: true,
        grade: true,
        classLetter: true,
        programme: { select: { name: true } },
        schoolClass: { select: { academicYear: true, grade: true, letter: true, programme: { select: { name: true } } } },
      },
      orderBy: { enrolledAt: "asc" },
    }),
  ]);
  const { start, end } = academicYearBounds(academicYear);
  // Studied here on some day of the year after its first (leaving on 1 September is not studying that year).
  const ofYear = enrolments.filter((e) => iso(e.enrolledAt) <= end && (e.endedAt === null || iso(e.endedAt) > start));
  const enrolment = ofYear.find((e) => e.isBasic) ?? ofYear[0];
  if (!enrolment) throw badRequest("В этом учебном году обучающийся не обучался в вашей организации", "academicYear");
  const placement = await classOfYear(tx, learnerId, enrolment, academicYear, end);

  const grades = await tx.subjectGrade.findMany({
    where: { learnerId, organisationId, academicYear, supersededBy: null, subjectId: { not: null }, ...(period ? { period } : {}) },
    select: { period: true, mark: true, credit: true, subjectRef: { select: { name: true, sortOrder: true } } },
  });
  const periods = period ? [period] : [...new Set(grades.map((g) => g.period))].sort((a, b) => (PERIOD_ORDER.get(a) ?? 99) - (PERIOD_ORDER.get(b) ?? 99) || a.localeCompare(b, "ru"));
  const bySubject = new Map<string, { sortOrder: number; cells: StudyCertificateContent["subjects"][number]["cells"] }>();
  for (const g of grades) {
    const subject = g.subjectRef!;
    const row = bySubject.get(subject.name) ?? { sortOrder: subject.sortOrder, cells: periods.map(() => null) };
    row.cells[periods.indexOf(g.period)] = { mark: g.mark, credit: g.credit };
    bySubject.set(subject.name, row);
  }
  const subjects = [...bySubject.entries()]
    .sort(([a, x], [b, y]) => x.sortOrder - y.sortOrder || a.localeCompare(b, "ru"))
    .map(([name, row]) => ({ name, cells: row.cells }));

  return {
    organisation: { ...organisation, licenceDate: organisation.licenceDate ? iso(organisation.licenceDate) : null },
    learner: { ...learner, birthDate: iso(learner.birthDate) },
    programme: placement.programme ?? enrolment.programme?.name ?? null,
    level: enrolment.level,
    className: placement.name,
    studyPeriods: enrolments.map((e) => ({ from: iso(e.enrolledAt), to: e.endedAt ? iso(e.endedAt) : null })),
    academicYear,
    periods,
    subjects,
  };
}
