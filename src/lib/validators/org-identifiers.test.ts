import { describe, expect, it } from "vitest";
import { checkInn, checkKpp, checkOgrn, isValidInn, isValidKpp, isValidOgrn, makeInn, makeOgrn } from "./org-identifiers";

// Public registry data: Sberbank, Gazprom, Yandex.
describe("INN of a legal entity", () => {
  it.each(["7707083893", "7736050003", "7736207543", " 7707 083 893 "])("accepts %j", (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it("returns digits only", () => {
    expect(checkInn("7707 083 893")).toEqual({ ok: true, value: "7707083893" });
  });

  it("rejects a wrong check digit", () => {
    expect(checkInn("7707083894")).toEqual({ ok: false, problem: "checksum" });
  });

  it.each(["770708389", "77070838931", "770708389312", "77070838А3", ""])("rejects the format of %j", (inn) => {
    expect(checkInn(inn)).toEqual({ ok: false, problem: "format" });
  });

  it("takes sum mod 11 = 10 to check digit 0", () => {
    expect(makeInn("100000001")).toBe("1000000010"); // weighted sum 10
  });
});

describe("OGRN", () => {
  it.each(["1027700132195", "1027700070518", "1027700229193"])("accepts %s", (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
  });

  it("rejects a wrong check digit and a wrong length", () => {
    expect(checkOgrn("1027700132196")).toEqual({ ok: false, problem: "checksum" });
    expect(checkOgrn("102770013219")).toEqual({ ok: false, problem: "format" });
    expect(checkOgrn("102770013219X")).toEqual({ ok: false, problem: "format" });
  });

  it("takes remainder 10 to check digit 0", () => {
    expect(makeOgrn("102770013224")).toBe("1027700132240"); // 102770013224 mod 11 = 10
  });
});

describe("generators", () => {
  it("append the check digit that the validators accept", () => {
    expect(makeInn("770708389")).toBe("7707083893");
    expect(makeOgrn("102770013219")).toBe("1027700132195");
    for (let i = 0; i < 50; i++) {
      const base = String(123456789 + i * 7919).padStart(9, "0");
      expect(isValidInn(makeInn(base))).toBe(true);
      expect(isValidOgrn(makeOgrn(`${base}123`))).toBe(true);
    }
  });

  it("refuse prefixes of the wrong length", () => {
    expect(() => makeInn("77070838")).toThrow(RangeError);
    expect(() => makeOgrn("1027700132195")).toThrow(RangeError);
  });
});

describe("KPP", () => {
  it.each(["773601001", "7736AB001", "77360A001", " 773601001 "])("accepts %j", (kpp) => {
    expect(isValidKpp(kpp)).toBe(true);
  });

  it.each(["77360100", "7736010011"])("rejects the length of %j", (kpp) => {
    expect(checkKpp(kpp)).toEqual({ ok: false, problem: "length" });
  });

  it.each(["7736ab001", "A73601001", "7736010A1", "7736АБ001", "7736-0100"])("rejects the format of %j", (kpp) => {
    expect(checkKpp(kpp)).toEqual({ ok: false, problem: "format" });
  });
});
