// English text of class choice; mirrors classes-ru.ts.
import type { classesRu } from "./classes-ru";

type Tally = { PROMOTION: number; REPEAT_YEAR: number; GRADUATION: number; undecided: number };

export const classesEn: typeof classesRu = {
  classPicker: {
    label: "Class",
    choose: "Choose a class",
    chooseLevelFirst: "Choose the level first",
    loading: "Loading classes…",
    year: (year: string) => `Classes of ${year}`,
    none: (year: string) => `The school has no classes of this level for ${year}.`,
    createLink: "Create a class in “Programmes and classes”",
    unknownClass: (label: string, year: string) =>
      `The school has no class ${label} for ${year}. Choose a class from the list or create it first in “Programmes and classes”.`,
  },
  importClasses: {
    missingTitle: "The file names classes the school does not have",
    missingText: (labels: string) => `Classes ${labels} are not in “Programmes and classes”. Their rows will not be loaded until the classes exist.`,
    confirm: (labels: string) => `Create classes ${labels}`,
    confirmHint: "The classes are created together with the import, in the same operation, under the basic programme of their level.",
    created: (n: number) => `Classes created: ${n}`,
  },
  rolloverClasses: {
    yearNote: (year: string) => `New classes are those of ${year}.`,
    bulkPromote: "Move everyone to",
    bulkGraduate: "Graduate everyone",
    bulkApply: "Apply",
    collapse: "Collapse",
    expand: "Expand",
    targetClass: "Class",
    missingClass: "no such class",
    tally: (t: Tally) =>
      `Promoted: ${t.PROMOTION} · repeating: ${t.REPEAT_YEAR} · graduating: ${t.GRADUATION} · without a class: ${t.undecided}`,
    missingTitle: (labels: string) => `The school has no classes ${labels} yet.`,
    createMissing: (labels: string) => `Create classes ${labels} when the rollover is made`,
    createLink: "Create classes in “Programmes and classes”",
    undecidedBlock: "Choose an existing class for every learner or confirm creating the missing ones.",
  },
};
