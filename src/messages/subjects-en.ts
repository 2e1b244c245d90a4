// English text of the ministry's subjects vocabulary page.
import type { subjectsRu } from "./subjects-ru";

export const subjectsEn: typeof subjectsRu = {
  subjects: {
    nav: "Subjects vocabulary",
    title: "Subjects vocabulary",
    lead: "The curriculum subjects of the primary, basic and secondary general education standards (ФГОС), with their codes and state exam (ГИА) codes. Schools' and e-journals' marks and exam results refer to this list, so figures add up by subject and by its top-level subject.",
    checkFields: "Check the fields",
    add: "Add a subject",
    edit: "Edit",
    fields: {
      code: "Code",
      name: "Name",
      levels: "Levels of education",
      parent: "Part of",
      noParent: "— none —",
      sortOrder: "Order",
      active: "In use",
      gia: "State exam codes",
      uses: "Records",
    },
    levels: { PRIMARY: "Primary", BASIC: "Basic", SECONDARY: "Secondary", PRESCHOOL: "Preschool", VOCATIONAL: "Vocational", ADDITIONAL: "Additional" },
    yes: "yes",
    no: "no (withdrawn)",
    codeHint: "The code never changes once created: e-journals send the subject by it.",
    unmappedTitle: "Unmapped subjects",
    unmappedLead: "Spellings of subjects in marks and exams entered before the vocabulary that could not be mapped automatically. Choose a subject: every record with this spelling (ignoring case, spaces and ё) gets it.",
    noUnmapped: "Every subject is mapped to the vocabulary.",
    text: "Spelling",
    total: "Records",
    organisations: "Organisations (marks / exams)",
    mapTo: "Vocabulary subject",
    map: "Map",
    mapped: (grades: number, exams: number) => `Mapped: ${grades} mark(s), ${exams} exam result(s).`,
  },
};
