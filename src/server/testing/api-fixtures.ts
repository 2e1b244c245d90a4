// Learners in classes for the API tests: a class at each of two demo schools
// (academic year 2026) and learners enrolled into it through the real
// procedures, so triggers, audit and the class link are the production ones.
import type { Db } from "../db";
import { callerAs } from "./callers";
import { learnerInput, uniqueSnils } from "./learner-fixtures";

export const API_YEAR = 2026;

export async function classAt(db: Db, login: string, letter = "А") {
  // The test database already has the demo schools' classes А–Г (class-fixtures.ts).
  const { organisationId } = await db.user.findUniqueOrThrow({ where: { login }, select: { organisationId: true } });
  const existing = await db.schoolClass.findFirst({ where: { organisationId: organisationId!, academicYear: API_YEAR, grade: 5, letter }, select: { id: true, programmeId: true } });
  if (existing) return { programmeId: existing.programmeId, classId: existing.id };
  const admin = await callerAs(db, login);
  const programme = await admin.school.programmes.create({ name: `ООП ООО (${letter})`, level: "BASIC" });
  const schoolClass = await admin.school.programmes.createClass({ programmeId: programme.id, academicYear: API_YEAR, grade: 5, letter });
  return { programmeId: programme.id, classId: schoolClass.id };
}

/** A learner in 5 <letter> of the login's school, with a mother (with SNILS) who consented. */
export async function enrolLearner(db: Db, login: string, letter = "А", lastName = "Иванов") {
  const school = await callerAs(db, login);
  const input = learnerInput({ learner: { lastName, birthDate: "2015-02-01" } });
  input.enrolment = { level: "BASIC", grade: 5, classLetter: letter, enrolledAt: "2026-09-01" } as typeof input.enrolment;
  const parentSnils = uniqueSnils();
  input.representatives = [{ ...input.representatives[0]!, snils: parentSnils }] as typeof input.representatives;
  input.acknowledgeDuplicate = true;
  const { id } = await school.learners.create(input);
  return { id, snils: input.learner.snils!, parentSnils };
}
