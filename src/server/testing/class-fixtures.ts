// Classes for the demo schools in tests: every enrolment names one of the
// school's classes of the year, so a test that enrols into «4А» needs 4А to
// exist. Grades 1–11, letters А–Г, in the current and the coming academic
// year, each under a basic programme of its level.
import { placementAcademicYear } from "@/lib/classes/class-year";
import { todayIso } from "@/lib/schemas/person";
import type { PrismaClient } from "../generated/prisma/client";

export const TEST_CLASS_LETTERS = ["А", "Б", "В", "Г"] as const;
const SCHOOLS = ["school1", "gymn2", "board3", "school4"] as const;
const LEVELS = [
  { level: "PRIMARY", name: "ООП НОО", grades: [1, 2, 3, 4] },
  { level: "BASIC", name: "ООП ООО", grades: [5, 6, 7, 8, 9] },
  { level: "SECONDARY", name: "ООП СОО", grades: [10, 11] },
] as const;

/** The academic year tests enrol into when they give a past date. */
export const currentTestYear = () => placementAcademicYear(todayIso(), todayIso());

export async function seedTestClasses(db: PrismaClient, organisationIds: Record<string, string>) {
  for (const key of SCHOOLS) {
    const organisationId = organisationIds[key];
    if (organisationId) await seedClassesOf(db, organisationId);
  }
}

/** The same classes for one school a test made itself. */
export async function seedClassesOf(db: PrismaClient, organisationId: string) {
  const year = currentTestYear();
  for (const { level, name, grades } of LEVELS) {
    const programme = await db.programme.create({ data: { organisationId, name, level, isBasic: true }, select: { id: true } });
    await db.schoolClass.createMany({
      data: [year, year + 1].flatMap((academicYear) =>
        grades.flatMap((grade) => TEST_CLASS_LETTERS.map((letter) => ({ organisationId, programmeId: programme.id, academicYear, grade, letter }))),
      ),
      skipDuplicates: true,
    });
  }
}
