// Input of the ФИС ФРДО export (frdo.check and GET /api/frdo): the period of
// issue dates and, for the ministry, a municipality or an organisation.
import { z } from "zod";
import { periodProblem } from "@/lib/report-period";
import { zDay } from "./person";

export const ZFrdoInput = z
  .object({
    from: zDay("начало периода"),
    to: zDay("конец периода"),
    municipalityId: z.uuid({ error: "Выберите муниципалитет из списка" }).optional(),
    organisationId: z.uuid({ error: "Выберите организацию из списка" }).optional(),
  })
  .superRefine((p, ctx) => {
    // Impossible days are reported by zDay on their own field; here the order and the span.
    const problem = periodProblem(p.from, p.to);
    if (problem?.problem === "order") ctx.addIssue({ code: "custom", path: ["to"], message: "Конец периода раньше начала" });
    if (problem?.problem === "tooLong") ctx.addIssue({ code: "custom", path: ["to"], message: "Период не длиннее пяти лет" });
  });
export type FrdoInput = z.infer<typeof ZFrdoInput>;
