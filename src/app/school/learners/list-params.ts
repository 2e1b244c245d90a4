// The list's URL parameters, named as ZListLearnersInput's fields, so the
// same query string serves the list and the XLSX export route.
import { EDUCATION_LEVELS, ENROLMENT_STATUSES, type ListLearnersInput } from "@/lib/schemas/learner";

export const LIST_FILTERS = ["search", "grade", "classLetter", "level", "status", "missing", "sort", "order"] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];
/** A name or SNILS typed into the search: kept in history state, never in the URL. */
export const PRIVATE_FILTERS = ["search"] as const satisfies readonly ListFilter[];
export const MISSING = ["snils", "document", "representative", "consent"] as const;
export const SORTS = ["name", "birthDate", "class"] as const;
export type SortKey = (typeof SORTS)[number];
export const PAGE_SIZE = 50;

const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined =>
  (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Unknown or malformed values are dropped rather than sent to be refused. */
export function toListInput(applied: Record<ListFilter, string>, page: number): ListLearnersInput {
  const grade = /^\d{1,2}$/.test(applied.grade) && Number(applied.grade) <= 12 ? Number(applied.grade) : undefined;
  return {
    search: applied.search.trim() || undefined,
    grade,
    classLetter: applied.classLetter.trim() || undefined,
    level: oneOf(EDUCATION_LEVELS, applied.level),
    status: oneOf(ENROLMENT_STATUSES, applied.status),
    missing: oneOf(MISSING, applied.missing),
    sort: oneOf(SORTS, applied.sort) ?? "name",
    order: applied.order === "desc" ? "desc" : "asc",
    page,
    pageSize: PAGE_SIZE,
  };
}

export const EXPORT_ACTION = "/api/school/learners/export";

/** The export form's fields: the filters in force (no paging), search included — it goes in the POST body. */
export function exportFields(applied: Record<ListFilter, string>): [ListFilter, string][] {
  return LIST_FILTERS.filter((key) => applied[key].trim()).map((key) => [key, applied[key].trim()]);
}
