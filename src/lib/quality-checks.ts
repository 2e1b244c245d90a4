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
  "missingHealth",
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];
