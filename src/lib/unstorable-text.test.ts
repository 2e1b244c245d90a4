import { describe, expect, it } from "vitest";
import { findUnstorableText, isUnstorableText } from "./unstorable-text";

describe("unstorable text", () => {
  it("finds NUL and lone surrogates of either half, not surrogate pairs", () => {
    expect(isUnstorableText("a\u0000b")).toBe(true);
    expect(isUnstorableText("a\ud800")).toBe(true);
    expect(isUnstorableText("\udc00a")).toBe(true);
    // Reversed halves are two lone ones, not a pair.
    expect(isUnstorableText("\udc00\ud800")).toBe(true);
    expect(isUnstorableText("Иванов😀")).toBe(false);
    expect(isUnstorableText("")).toBe(false);
  });

  it("gives the path of the first such string, array positions as numbers", () => {
    expect(findUnstorableText({ grades: [{ subject: "Физика" }, { subject: "x", note: "y\u0000" }] })).toEqual(["grades", 1, "note"]);
    expect(findUnstorableText("\ud800")).toEqual([]);
    expect(findUnstorableText({ a: 1, b: null, c: true, d: ["ok", { e: "ok" }] })).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
  });
});
