// The subjects vocabulary's pure rules, shared by the ministry's page, the
// services and the e-journal API. The normal form is the one the migration
// 20261207160000_subjects mapped the old free text with: two spellings with
// the same normal form are the same subject.

/** Trimmed, inner spaces collapsed, lower case, ё = е. */
export function normaliseSubjectText(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLocaleLowerCase("ru").replace(/ё/g, "е");
}

/** Codes are Latin capitals, digits and underscores, starting with a letter (`MATH`, `HISTORY_RUSSIA`). */
export const SUBJECT_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;

/** The levels a subject is taught at: НОО, ООО, СОО (the EducationLevel values). */
export const SUBJECT_LEVELS = ["PRIMARY", "BASIC", "SECONDARY"] as const;
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number];
