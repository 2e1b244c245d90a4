// The public-services portal's question: a learner's current marks, asked on
// behalf of a parent. Both SNILS travel in the body, never in a URL.
import { z } from "zod";
import { zSnils } from "@/lib/validators";

export const ZApiPerformanceQuery = z
  .object({
    learnerSnils: zSnils.meta({ description: "Learner's SNILS, `123-456-789 01` or 11 digits" }),
    parentSnils: zSnils.meta({ description: "SNILS of the parent asking" }),
  })
  ;

export const ZApiPerformance = z
  .object({
    learner: z.object({ lastName: z.string(), firstName: z.string(), middleName: z.string().nullable() }),
    organisation: z.object({ shortName: z.string() }).nullable(),
    grade: z.number().int().nullable(),
    academicYear: z.number().int().nullable().meta({ description: "Year of the marks below (latest with marks)" }),
    marks: z.array(
      z.object({
        subject: z.string(),
        period: z.string(),
        mark: z.number().int().nullable(),
        credit: z.boolean().nullable(),
      }),
    ),
  })
  ;
export type ApiPerformance = z.infer<typeof ZApiPerformance>;
