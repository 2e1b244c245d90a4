import { describe, expect, it } from "vitest";
import { csvCell, reportCsv } from "./match-all";

describe("the unmatched-addresses report", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvCell("г. Заречный")).toBe("г. Заречный");
    expect(csvCell("ул. Школьная, д. 1")).toBe('"ул. Школьная, д. 1"');
    expect(csvCell('дом "у реки"')).toBe('"дом ""у реки"""');
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("-5; кв. 2")).toBe(`"'-5; кв. 2"`);
  });

  it("starts with a BOM and the header, one line per address", () => {
    const csv = reportCsv([{ organisationId: "o", organisation: "МБОУ СОШ № 1", learnerId: "l", kind: "STAY", match: "UNMATCHED", text: "где-то" }]);
    expect(csv).toBe("\uFEFForganisationId,organisation,learnerId,kind,match,text\r\no,МБОУ СОШ № 1,l,STAY,UNMATCHED,где-то\r\n");
  });
});
