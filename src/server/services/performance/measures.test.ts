// The arithmetic of the performance measures: one decimal for shares, two for
// the average, «—» (null) for an empty group, the change only when both years
// have a figure, and a credit-only subject without «качество».
import { describe, expect, it } from "vitest";
import { averageMark, change, measuresOf, percent, sumCounts } from "./measures";

const counts = (o: Partial<Parameters<typeof measuresOf>[0]> = {}) => ({ learners: 0, withResult: 0, successful: 0, quality: 0, m5: 0, m4: 0, m3: 0, m2: 0, markSum: 0, ...o });

describe("performance measures", () => {
  it("shares: one decimal, half up, exact on halves; an empty group has none", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 7)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });

  it("average: two decimals; none without a mark", () => {
    expect(averageMark(7, 2)).toBe(3.5);
    expect(averageMark(75, 21)).toBe(3.57);
    expect(averageMark(11, 3)).toBe(3.67);
    expect(averageMark(0, 0)).toBeNull();
  });

  it("change from last year at the measure's precision, only when both are known", () => {
    expect(change(66.7, 50, 1)).toBe(16.7);
    expect(change(3.5, 3.57, 2)).toBe(-0.07);
    expect(change(null, 50, 1)).toBeNull();
    expect(change(50, null, 1)).toBeNull();
  });

  it("measures of a group; a subject with credits only has no «качество»", () => {
    const c = counts({ learners: 4, withResult: 3, successful: 2, quality: 1, m5: 1, m4: 1, m2: 1, markSum: 11 });
    expect(measuresOf(c)).toMatchObject({ average: 3.67, successRate: 50, qualityRate: 25, marks: { m5: 1, m4: 1, m3: 0, m2: 1 } });
    const credits = counts({ learners: 4, withResult: 4, successful: 3 });
    expect(measuresOf(credits, { creditOnlyHasNoQuality: true })).toMatchObject({ average: null, successRate: 75, qualityRate: null });
    expect(measuresOf(credits)).toMatchObject({ qualityRate: 0 });
    expect(measuresOf(counts())).toMatchObject({ successRate: null, qualityRate: null, average: null });
  });

  it("a territory's total adds its groups' counts", () => {
    expect(sumCounts([counts({ learners: 2, m5: 1, markSum: 5 }), counts({ learners: 3, m2: 2, markSum: 4 })])).toEqual(counts({ learners: 5, m5: 1, m2: 2, markSum: 9 }));
  });
});
