// The bars beside the ministry's tables: a hidden value (null) draws no bar at
// all — never one with a gap whose length gives the hidden count back — and
// the widths are on the right scale (a share of 100 %, counts of their sum).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartLegend, DistributionBar, MARK_COLOURS, ShareBar } from "./bars";
import { columnIndexes, countOfCell, segmentWidths, shareWidth } from "./scale";

const widthsIn = (html: string) => [...html.matchAll(/width:\s*([\d.]+)%/g)].map((m) => Number(m[1]));
const share = (percent: number | null) => renderToStaticMarkup(createElement(ShareBar, { percent, colour: "bg-sky-600" }));
const stacked = (counts: (number | null)[]) => renderToStaticMarkup(createElement(DistributionBar, { counts, colours: MARK_COLOURS }));

describe("share bar", () => {
  it("is as long as the share of a 100 % track, clamped to it", () => {
    expect(widthsIn(share(42.5))).toEqual([42.5]);
    expect(widthsIn(share(0))).toEqual([0]);
    expect(widthsIn(share(100))).toEqual([100]);
    expect(shareWidth(130)).toBe(100);
    expect(shareWidth(-3)).toBe(0);
  });
  it("draws nothing for a hidden share", () => {
    expect(share(null)).toBe("");
    expect(shareWidth(undefined)).toBeNull();
    expect(shareWidth(Number.NaN)).toBeNull();
  });
  it("is hidden from screen readers (the table holds the number)", () => {
    expect(share(50)).toContain('aria-hidden="true"');
  });
});

describe("distribution bar", () => {
  it("splits the bar by each count's part of the sum, in the given colours", () => {
    const html = stacked([1, 1, 2, 4, 0]);
    expect(widthsIn(html)).toEqual([12.5, 12.5, 25, 50]);
    expect(html).toContain("bg-red-500");
    expect(html).toContain("bg-emerald-600");
    // A count of 0 draws no segment (its colour would be a sliver of nothing).
    expect(html).not.toContain("bg-slate-300");
    expect(html).toContain('aria-hidden="true"');
  });
  it("rounds widths to 0.01 % and they add up to the whole bar", () => {
    const widths = widthsIn(stacked([1, 1, 1]));
    expect(widths).toEqual([33.33, 33.33, 33.33]);
    expect(segmentWidths([1, 1, 1])!.reduce((s, w) => s + w, 0)).toBeCloseTo(100);
  });
  it("draws nothing when any count is hidden, whatever the others", () => {
    expect(stacked([10, null, 20, 30, 0])).toBe("");
    expect(stacked([null, 0, 0, 0, 0])).toBe("");
    expect(segmentWidths([5, null])).toBeNull();
  });
  it("draws nothing for no results or a count that is not one", () => {
    expect(stacked([0, 0, 0, 0, 0])).toBe("");
    expect(stacked([])).toBe("");
    expect(segmentWidths([3, -1])).toBeNull();
  });
  it("shows the given placeholder instead of a bar it may not draw", () => {
    const html = renderToStaticMarkup(createElement(DistributionBar, { counts: [3, null], colours: MARK_COLOURS, empty: "—" }));
    expect(html).toBe("—");
    expect(renderToStaticMarkup(createElement(ShareBar, { percent: null, colour: "bg-sky-600", empty: "—" }))).toBe("—");
  });
});

describe("report cells to bars", () => {
  it("reads a shown count as a number and «<5» or «—» as hidden", () => {
    expect(countOfCell(7)).toBe(7);
    expect(countOfCell(0)).toBe(0);
    expect(countOfCell("<5")).toBeNull();
    expect(countOfCell("—")).toBeNull();
    expect(countOfCell(undefined)).toBeNull();
  });
  it("finds the distribution's columns by their headers, or none when one is missing", () => {
    const columns = ["Предмет", "Участников", "«2»", "«3»", "«4»", "«5»", "Без отметки", "Средняя отметка"];
    expect(columnIndexes(columns, ["«2»", "«3»", "«4»", "«5»", "Без отметки"])).toEqual([2, 3, 4, 5, 6]);
    expect(columnIndexes(columns, ["«2»", "100 баллов"])).toBeNull();
  });
});

describe("legend", () => {
  it("names every colour and is hidden with the bars", () => {
    const html = renderToStaticMarkup(createElement(ChartLegend, { items: [{ label: "«2»", colour: "bg-red-500" }, { label: "«5»", colour: "bg-emerald-600" }] }));
    expect(html).toContain("«2»");
    expect(html).toContain("bg-emerald-600");
    expect(html).toContain('aria-hidden="true"');
  });
});
