// English text of the year-end rollover and the ministry's movement oversight; mirrors rollover-ru.ts.
import type { rolloverRu } from "./rollover-ru";

type Counts = { PROMOTION: number; REPEAT_YEAR: number; GRADUATION: number };

export const rolloverEn: typeof rolloverRu = {
  rollover: {
    nav: "New school year",
    title: "Promotion to the new school year",
    intro:
      "Every learner in a class is promoted to the next grade; grades 9 and 11 graduate. Mark who repeats the year and which 9th-graders continue into grade 10.",
    learner: "Learner",
    from: "Class",
    action: "Decision",
    target: "New class",
    actions: {
      PROMOTION: "Promote to the next grade",
      REPEAT_YEAR: "Repeat the year",
      GRADUATION: "Graduate",
    },
    classHeading: (label: string, level: string, count: number) => `${label} · ${level} · learners: ${count}`,
    graduates: "graduates",
    changed: "changed",
    empty: "The school has no learners in classes: nobody to promote.",
    totalsTitle: "Plan totals",
    totals: (c: Counts) => `promoted: ${c.PROMOTION}, repeating the year: ${c.REPEAT_YEAR}, graduating: ${c.GRADUATION}`,
    overrides: (n: number) => `Decisions changed: ${n}`,
    orderSection: "Promotion order",
    submit: "Carry out the promotion",
    submitting: "Carrying out…",
    confirm: (c: Counts) =>
      `Carry out the promotion to the new school year?\nPromoted: ${c.PROMOTION}\nRepeating the year: ${c.REPEAT_YEAR}\nGraduating: ${c.GRADUATION}`,
    doneTitle: "Promotion done",
    done: (c: Counts) => `Promoted: ${c.PROMOTION}, repeating the year: ${c.REPEAT_YEAR}, graduated: ${c.GRADUATION}.`,
    checkFields: "Check the order fields",
  },
  movementOversight: {
    nav: "Movement",
    title: "Movement of learners",
    staleTitle: "Transfers awaiting a decision longer than N days",
    staleDays: "N, days",
    staleDaysInvalid: "Enter a whole number of days from 0 to 365",
    requestedAt: "Requested",
    fromOrganisation: "From",
    toOrganisation: "To",
    daysWaiting: "Days waiting",
    organisation: (name: string, municipality: string) => `${name} (${municipality})`,
    staleEmpty: "No transfers have been waiting longer than that.",
    flowsTitle: "Flows between municipalities",
    periodFrom: "Period start",
    periodTo: "Period end",
    periodInvalid: "Enter the start and end of the period; the start must not be after the end",
    fromMunicipality: "From",
    toMunicipality: "To",
    transfers: "Transfers",
    flowsEmpty: "No accepted transfers between municipalities in this period.",
    total: "Total",
  },
};
