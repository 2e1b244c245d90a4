// Turning validated form data (YYYY-MM-DD strings, optional fields) into
// database columns, and naming the fields a change touched.
import { PERSON_COLUMNS } from "@/lib/schemas/person";

const DATE_FIELDS = new Set(["birthDate", "docIssuedAt", "givenAt", "withdrawnAt", "enrolledAt"]);

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Optional fields become NULL; dates become Date at UTC midnight. */
export function toColumns<T extends Record<string, unknown>>(data: T, fields: readonly (keyof T & string)[]) {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = data[field];
    out[field] = value === undefined || value === "" ? null : DATE_FIELDS.has(field) && typeof value === "string" ? day(value) : value;
  }
  return out;
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  return Object.keys(after).filter((k) => norm(before[k]) !== norm(after[k]));
}

export const LEARNER_COLUMNS = [...PERSON_COLUMNS, "stayAddress", "birthDate", "birthPlace", "sex"] as const;

export const REPRESENTATIVE_COLUMNS = [...PERSON_COLUMNS, "birthDate", "sex", "phone", "email"] as const;
