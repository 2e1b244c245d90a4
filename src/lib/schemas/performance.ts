// Inputs of the performance views (issue 21): the school's view of one class
// (school.performance.*) and the ministry's view by territory
// (ministry.performance.*, and its XLSX/PDF export). Definitions of the
// measures: docs/performance-of-learners.md.
import { z } from "zod";
import { GRADE_PERIODS } from "./portfolio";
import { MAX_ACADEMIC_YEAR, MIN_ACADEMIC_YEAR } from "./programme";

export const PERFORMANCE_PERIODS = GRADE_PERIODS;
export type PerformancePeriod = (typeof GRADE_PERIODS)[number];

const yearRange = `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`;
/** First calendar year of the academic year (2026 is 2026/27); a URL's text is accepted as a number. */
const zAcademicYear = z.coerce
  .number({ error: "Выберите учебный год" })
  .int(yearRange)
  .min(MIN_ACADEMIC_YEAR, yearRange)
  .max(MAX_ACADEMIC_YEAR, yearRange);
const zPeriod = z.enum(GRADE_PERIODS, { error: "Выберите период из списка" });

export const ZClassPerformanceInput = z.object({
  classId: z.uuid("Выберите класс из списка"),
  period: zPeriod,
});
export type ClassPerformanceInput = z.infer<typeof ZClassPerformanceInput>;

export const ZTerritoryPerformanceInput = z.object({
  academicYear: zAcademicYear,
  period: zPeriod,
  /** One subject (with the subjects under it); none = all subjects together. */
  subjectId: z.uuid("Выберите предмет из справочника").optional(),
  municipalityId: z.uuid("Выберите муниципалитет из списка").optional(),
  organisationId: z.uuid("Выберите организацию из списка").optional(),
});
export type TerritoryPerformanceInput = z.infer<typeof ZTerritoryPerformanceInput>;
