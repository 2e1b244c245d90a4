// English text of the data-quality pages; mirrors quality-ru.ts.
export const qualityEn = {
  quality: {
    nav: "Data quality",
    schoolTitle: "Data quality",
    schoolLead: "Learners of the organisation whose data has problems. Open the card to fix them.",
    ministryTitle: "Data quality by organisation",
    refreshedAt: (at: string) => `Counted ${at}; recounted every few minutes.`,
    ministryLead: "Learners failing each check (learners with a current enrolment).",
    none: "No problems found.",
    organisation: "Organisation",
    learners: "Learners",
    total: "Total",
    trendTitle: "Last 30 days (all problems)",
    noTrend: "No snapshots yet.",
    checks: {
      missingSnils: "No SNILS",
      invalidSnils: "Invalid SNILS",
      possibleDuplicates: "Possible duplicates",
      doubleBasicEnrolment: "Two basic enrolments",
      ageGradeMismatch: "Age does not fit the grade",
      missingDocument: "No identity document",
      expiredDocument: "Document no longer valid (birth certificate at 14+)",
      missingRepresentative: "No legal representative",
      missingConsent: "No data-processing consent",
      missingHealth: "No health data",
    },
  },
};
