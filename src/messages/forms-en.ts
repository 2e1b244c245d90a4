import type { formsRu } from "./forms-ru";

export const formsEn: typeof formsRu = {
  forms: {
    summaryTitle: "Fix the errors",
    summaryCount: (n: number) => `Errors: ${n}. Choose an error to go to its field.`,
    unsavedChanges: "Your changes are not saved. Leave the page and lose them?",
  },
};
