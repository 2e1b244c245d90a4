import { describe, expect, it } from "vitest";
import {
  checkBirthCertificateNumber,
  checkBirthCertificateSeries,
  checkPassportNumber,
  checkPassportSeries,
  isRomanNumeral,
  isValidBirthCertificateSeries,
} from "./identity-documents";

describe("Roman numerals", () => {
  it.each(["I", "III", "IV", "IX", "XII", "XIV", "XL", "XLIX", "LXXX", "XC", "CCCXCIX"])("%s is well formed", (r) => {
    expect(isRomanNumeral(r)).toBe(true);
  });

  it.each(["", "IIII", "VX", "VV", "IC", "IL", "XXXX", "LL", "IIV", "iv", "M", "ІV" /* Cyrillic І */])(
    "%j is not",
    (r) => expect(isRomanNumeral(r)).toBe(false),
  );
});

describe("birth certificate series", () => {
  it.each(["IV-АК", "XII-ЁЖ", "I-МЮ", " III-ВГ "])("accepts %j", (s) => {
    expect(isValidBirthCertificateSeries(s)).toBe(true);
  });

  it("returns the trimmed series", () => {
    expect(checkBirthCertificateSeries(" IV-АК ")).toEqual({ ok: true, value: "IV-АК" });
  });

  it.each([
    ["IIII-АК", "roman"],
    ["4-АК", "roman"],
    ["ХII-АК", "roman"], // Cyrillic Х in the numeral
    ["-АК", "roman"],
    ["IV-AK", "letters"], // Latin look-alikes
    ["IV-ак", "letters"],
    ["IV-АКБ", "letters"],
    ["IV-А", "letters"],
    ["IVАК", "format"],
    ["IV АК", "format"],
    ["IV--АК", "format"],
  ])("rejects %j as %s", (s, problem) => {
    expect(checkBirthCertificateSeries(s)).toEqual({ ok: false, problem });
  });
});

describe("birth certificate number", () => {
  it("is 6 digits", () => {
    expect(checkBirthCertificateNumber("123456")).toEqual({ ok: true, value: "123456" });
    expect(checkBirthCertificateNumber("012345").ok).toBe(true); // leading zero kept: it is a string
    expect(checkBirthCertificateNumber("12345").ok).toBe(false);
    expect(checkBirthCertificateNumber("1234567").ok).toBe(false);
    expect(checkBirthCertificateNumber("12 3456").ok).toBe(false);
  });
});

describe("passport", () => {
  it("series is 4 digits, printed with a space", () => {
    expect(checkPassportSeries("4512")).toEqual({ ok: true, value: "4512" });
    expect(checkPassportSeries("45 12")).toEqual({ ok: true, value: "4512" });
    expect(checkPassportSeries("451")).toEqual({ ok: false, problem: "format" });
    expect(checkPassportSeries("45-12")).toEqual({ ok: false, problem: "format" });
    expect(checkPassportSeries("45 1A")).toEqual({ ok: false, problem: "format" });
  });

  it("number is 6 digits", () => {
    expect(checkPassportNumber("345678")).toEqual({ ok: true, value: "345678" });
    expect(checkPassportNumber("34567").ok).toBe(false);
    expect(checkPassportNumber("34 5678").ok).toBe(false);
  });
});
