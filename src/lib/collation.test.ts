import { describe, expect, it } from "vitest";
import { compareRu, compareRuNumeric } from "./collation";

describe("Russian collation", () => {
  it("orders Cyrillic names as Russian does (ё beside е, not after я) and as localeCompare(…, 'ru')", () => {
    const names = ["Яковлев", "Ёлкин", "Елисеев", "Абрамов", "Жуков", "Ежов", "Zotov"];
    const sorted = [...names].sort(compareRu);
    expect(sorted).toEqual([...names].sort((a, b) => a.localeCompare(b, "ru")));
    expect(sorted.indexOf("Ёлкин")).toBeLessThan(sorted.indexOf("Жуков"));
  });

  it("orders class labels by their numbers when asked", () => {
    expect(["10А", "4Б", "11В", "4А"].sort(compareRuNumeric)).toEqual(["4А", "4Б", "10А", "11В"]);
    expect(["10А", "4Б"].sort(compareRu)).toEqual(["10А", "4Б"]);
  });
});
