// The data-quality checks, in display order; shared by the service and the UI.
export const QUALITY_CHECKS = [
  "missingSnils",
  "invalidSnils",
  "possibleDuplicates",
  "doubleBasicEnrolment",
  "ageGradeMismatch",
  "missingDocument",
  "expiredDocument",
  "missingRepresentative",
  "missingConsent",
  // Issue 22: an address of the learner not found in the ГАР directory (no house), not yet confirmed by the school.
  "addressNotFound",
  "missingHealth",
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];
