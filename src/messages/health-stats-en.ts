// English text of the health statistics dashboard; mirrors health-stats-ru.ts.
import { healthEn } from "./health-en";
export const healthStatsEn = {
  healthStats: {
    nav: "Health statistics",
    title: "Learners' health statistics",
    lead: "Counts learners with a current enrolment and a current health record on the date.",
    asOf: "As of",
    region: "Region",
    municipality: "Municipality",
    organisation: "Organisation",
    grade: "Grade",
    age: "Age, full years",
    noGrade: "no grade",
    total: "Total",
    empty: "No data",
    hiddenNote: "“<{n}”: a count below {n} is hidden, as are the counts and totals it could be computed from",
    back: "Up",
    downloadList: "The organisation's learners with their health state (XLSX)",
    download: "Download XLSX",
    sections: {
      healthGroups: "Health groups",
      peGroups: "PE medical groups",
      byAge: "Health groups by age",
      disabilities: "Learners with disabilities",
      adapted: "Needing an adapted programme, by ОВЗ category",
    },
    // One vocabulary for the card and the statistics.
    healthGroups: healthEn.learnerHealth.healthGroups,
    peGroups: healthEn.learnerHealth.peGroups,
    disabilities: healthEn.learnerHealth.disabilities,
    ovzUnspecified: "Category not given",
    reports: { groups: "Health groups", disabilities: "Disability", adapted: "Adapted programmes" },
  },
};
