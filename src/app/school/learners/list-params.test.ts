import { describe, expect, it } from "vitest";
import { exportFields, LIST_FILTERS, PRIVATE_FILTERS, toListInput, type ListFilter } from "./list-params";

const blank = Object.fromEntries(LIST_FILTERS.map((k) => [k, ""])) as Record<ListFilter, string>;

describe("learner list URL parameters", () => {
  it("turns the URL into the procedure's input, dropping malformed values", () => {
    expect(toListInput({ ...blank, grade: "5", level: "BASIC", sort: "class", order: "desc", missing: "snils" }, 2)).toMatchObject({
      grade: 5,
      level: "BASIC",
      sort: "class",
      order: "desc",
      missing: "snils",
      page: 2,
      pageSize: 50,
    });
    const junk = toListInput({ ...blank, grade: "13", level: "HIGH", status: "x", sort: "snils", order: "up" }, 0);
    expect(junk).toMatchObject({ grade: undefined, level: undefined, status: undefined, sort: "name", order: "asc" });
  });

  it("builds the export form's fields with the same parameter names and no page", () => {
    expect(exportFields({ ...blank, search: " Иван ", grade: "3" })).toEqual([["search", "Иван"], ["grade", "3"]]);
  });

  it("keeps the name/SNILS search out of the URL", () => {
    expect(PRIVATE_FILTERS).toEqual(["search"]);
  });
});
