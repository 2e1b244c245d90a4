// Inputs of the ministry's ГИА results (ministry.gia.results and its XLSX/PDF
// export): the exam year and kind, and an optional territory within the
// officer's scope (the service refuses one outside it with NOT_FOUND).
import { z } from "zod";
import { giaResultsRu } from "@/messages/gia-results-ru";
import { reportsRu } from "@/messages/reports-ru";
import { EXAM_KINDS } from "./portfolio";

export const GIA_YEARS = { min: 2000, max: 2100 } as const;

export const ZGiaResultsInput = z.object({
  year: z.coerce
    .number({ error: giaResultsRu.giaResults.yearError })
    .int({ error: giaResultsRu.giaResults.yearError })
    .min(GIA_YEARS.min, { error: giaResultsRu.giaResults.yearError })
    .max(GIA_YEARS.max, { error: giaResultsRu.giaResults.yearError }),
  kind: z.enum(EXAM_KINDS, { error: "Выберите экзамен: ОГЭ, ГВЭ или ЕГЭ" }),
  municipalityId: z.uuid({ error: reportsRu.reports.territoryErrors.municipality }).optional(),
  organisationId: z.uuid({ error: reportsRu.reports.territoryErrors.organisation }).optional(),
});
export type GiaResultsInput = z.infer<typeof ZGiaResultsInput>;
