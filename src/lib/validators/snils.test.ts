import { describe, expect, it } from "vitest";
import { checkSnils, formatSnils, isValidSnils, normalizeSnils, snilsCheckDigits } from "./snils";

// Check numbers below were worked out by hand / a separate script from the
// domain rule (weights 9..1), not by this module; S is the weighted sum.
describe("snilsCheckDigits", () => {
  it.each([
    ["112233445", "95"], // S = 95 < 100: check is S itself
    ["001326678", "99"], // S = 99, the largest sum kept as is
    ["001508815", "00"], // S = 100 exactly
    ["001437544", "00"], // S = 101 exactly
    ["001318759", "01"], // S = 102: 102 mod 101 = 1, padded to two digits
    ["002569961", "49"], // S = 150: 150 mod 101 = 49
    ["006996682", "00"], // S = 201: mod 101 gives 100, which becomes 00
    ["298795994", "00"], // S = 302: mod 101 gives 100 again
  ])("%s → %s", (first9, check) => {
    expect(snilsCheckDigits(first9)).toBe(check);
  });

  it("refuses anything but 9 digits", () => {
    expect(() => snilsCheckDigits("12345678")).toThrow(RangeError);
    expect(() => snilsCheckDigits("12345678a")).toThrow(RangeError);
  });
});

describe("isValidSnils", () => {
  it.each(["112-233-445 95", "11223344595", "112 233 445 95", "112-233-445-95", " 001-508-815 00 ", "006-996-682 00"])(
    "accepts %j",
    (input) => expect(isValidSnils(input)).toBe(true),
  );

  it("rejects a wrong check number", () => {
    expect(checkSnils("112-233-445 96")).toEqual({ ok: false, problem: "checksum" });
    // Sum 201 must give 00, not 100 truncated or 99.
    expect(checkSnils("006-996-682 99")).toEqual({ ok: false, problem: "checksum" });
  });

  it.each(["112-233-445 9", "112-233-445 951", "", "112-233-44A 95", "СНИЛС 11223344595", "112.233.445 95"])(
    "rejects the format of %j",
    (input) => expect(checkSnils(input)).toEqual({ ok: false, problem: "format" }),
  );

  it("rejects numbers at or below 001-001-998 as reserved, even with a matching check number", () => {
    expect(checkSnils("000-000-000 00")).toEqual({ ok: false, problem: "reserved" });
    expect(checkSnils("001-001-998 64")).toEqual({ ok: false, problem: "reserved" }); // S = 64
    expect(checkSnils("001-001-999 65")).toEqual({ ok: true, value: "00100199965" }); // first checked number
  });
});

describe("normalizeSnils / formatSnils", () => {
  it("normalises to 11 digits or null", () => {
    expect(normalizeSnils("112-233-445 95")).toBe("11223344595");
    expect(normalizeSnils("112\u00a0233\u2013445 95")).toBe("11223344595"); // NBSP, en dash from documents
    expect(normalizeSnils("112-233-445")).toBeNull();
    expect(normalizeSnils("１１２２３３４４５９５")).toBeNull(); // full-width digits
  });

  it("formats as XXX-XXX-XXX YY and leaves non-SNILS text alone", () => {
    expect(formatSnils("11223344595")).toBe("112-233-445 95");
    expect(formatSnils("112 233 445 95")).toBe("112-233-445 95");
    expect(formatSnils("n/a")).toBe("n/a");
  });
});
