// Pure arithmetic of the performance measures (issue 21): shares with one
// decimal, the average mark with two, the change from the previous year. A
// group of 0 learners (or nothing to average) gives null, shown as «—».
import { z } from "zod";
import type { MeasureCounts } from "./measures-sql";

/** part ÷ whole as a percentage with one decimal (half away from zero); null for an empty group. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  // Integers first: 1/8 is exactly 12.5, not 12.499… from a float division.
  return Math.round((part * 1000) / whole) / 10;
}

/** Mean of the marks with two decimals; null without any mark. */
export function averageMark(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((sum * 100) / count) / 100;
}

/** current − previous with the precision of the measure; null unless both are known. */
export function change(current: number | null, previous: number | null, decimals: 1 | 2): number | null {
  if (current === null || previous === null) return null;
  const scale = decimals === 1 ? 10 : 100;
  return Math.round((current - previous) * scale) / scale;
}

export const markCount = (c: Pick<MeasureCounts, "m5" | "m4" | "m3" | "m2">) => c.m5 + c.m4 + c.m3 + c.m2;

export const ZMeasures = z.object({
  learners: z.number().int(),
  withResult: z.number().int(),
  successful: z.number().int(),
  quality: z.number().int(),
  marks: z.object({ m5: z.number().int(), m4: z.number().int(), m3: z.number().int(), m2: z.number().int() }),
  /** Two decimals; null without a mark. */
  average: z.number().nullable(),
  /** «Успеваемость», %: one decimal; null for a group of 0 learners. */
  successRate: z.number().nullable(),
  /** «Качество знаний», %: one decimal; null for a group of 0 learners, or a subject with credits only. */
  qualityRate: z.number().nullable(),
});
export type Measures = z.infer<typeof ZMeasures>;

/**
 * The measures of a group from its counts. `creditOnlyHasNoQuality`: a subject
 * assessed by credits alone (зачёт / незачёт) has no «качество» — null, not 0.
 */
export function measuresOf(c: MeasureCounts, options: { creditOnlyHasNoQuality?: boolean } = {}): Measures {
  const marks = markCount(c);
  const noQuality = options.creditOnlyHasNoQuality === true && marks === 0;
  return {
    learners: c.learners,
    withResult: c.withResult,
    successful: c.successful,
    quality: c.quality,
    marks: { m5: c.m5, m4: c.m4, m3: c.m3, m2: c.m2 },
    average: averageMark(c.markSum, marks),
    successRate: percent(c.successful, c.learners),
    qualityRate: noQuality ? null : percent(c.quality, c.learners),
  };
}

/** Counts of several groups added up (a territory's total row). */
export function sumCounts(rows: readonly MeasureCounts[]): MeasureCounts {
  const total: MeasureCounts = { learners: 0, withResult: 0, successful: 0, quality: 0, m5: 0, m4: 0, m3: 0, m2: 0, markSum: 0 };
  for (const r of rows) for (const k of Object.keys(total) as (keyof MeasureCounts)[]) total[k] += Number(r[k]);
  return total;
}

/** «5А»-style label sort: by grade, then letter. */
export const byClassLabel = (a: { grade: number; letter: string }, b: { grade: number; letter: string }) =>
  a.grade - b.grade || a.letter.localeCompare(b.letter, "ru");
