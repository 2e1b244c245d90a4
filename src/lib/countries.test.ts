import { describe, expect, it } from "vitest";
import { CITIZENSHIP_OPTIONS, citizenshipName, isCitizenshipCode, isCountryCode, parseCitizenship, STATELESS } from "./countries";

describe("citizenship (ОКСМ)", () => {
  it("lists Russia first, then stateless, then every country in Russian", () => {
    expect(CITIZENSHIP_OPTIONS[0]).toEqual({ code: "643", name: "Российская Федерация" });
    expect(CITIZENSHIP_OPTIONS[1]!.code).toBe(STATELESS);
    expect(CITIZENSHIP_OPTIONS.length).toBeGreaterThan(240);
    expect(citizenshipName("051")).toBe("Армения");
    expect(citizenshipName("860")).toBe("Узбекистан");
  });
  it("parses codes and names from import files", () => {
    expect(parseCitizenship("643")).toBe("643");
    expect(parseCitizenship("51")).toBe("051");
    expect(parseCitizenship("Без гражданства")).toBe(STATELESS);
    expect(parseCitizenship("узбекистан")).toBe("860");
    expect(parseCitizenship("РФ")).toBe("643");
    expect(parseCitizenship("999")).toBeNull();
    expect(parseCitizenship("Атлантида")).toBeNull();
    expect(isCitizenshipCode("000")).toBe(false);
  });
  it("a document's issuing country is a country, never «stateless» (found by fuzzing: it overflowed the 3-character column)", () => {
    expect(isCountryCode("860")).toBe(true);
    expect(isCountryCode(STATELESS)).toBe(false);
    expect(isCitizenshipCode(STATELESS)).toBe(true);
  });
});
