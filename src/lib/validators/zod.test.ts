import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  zBirthCertificateNumber,
  zBirthCertificateSeries,
  zInn,
  zKpp,
  zOgrn,
  zPassportNumber,
  zPassportSeries,
  zSnils,
} from "./zod";

const Learner = z.object({
  snils: zSnils,
  document: z.object({ series: zBirthCertificateSeries, number: zBirthCertificateNumber }),
});
const Organisation = z.object({ inn: zInn, ogrn: zOgrn, kpp: zKpp });
const Passport = z.object({ series: zPassportSeries, number: zPassportNumber });

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe("zod schemas", () => {
  it("output the canonical form", () => {
    expect(Learner.parse({ snils: "112-233-445 95", document: { series: " IV-АК ", number: "123456" } })).toEqual({
      snils: "11223344595",
      document: { series: "IV-АК", number: "123456" },
    });
    expect(Passport.parse({ series: "45 12", number: "345678" })).toEqual({ series: "4512", number: "345678" });
    expect(Organisation.parse({ inn: "7707083893", ogrn: "1027700132195", kpp: "773601001" })).toEqual({
      inn: "7707083893",
      ogrn: "1027700132195",
      kpp: "773601001",
    });
  });

  it("put the Russian message on the field's path", () => {
    expect(issues(Learner, { snils: "112-233-445 96", document: { series: "IV-AK", number: "12345" } })).toEqual([
      { path: ["snils"], message: "Неверная контрольная сумма СНИЛС" },
      { path: ["document", "series"], message: "Серия свидетельства: после дефиса две заглавные русские буквы" },
      { path: ["document", "number"], message: "Номер свидетельства о рождении должен состоять из 6 цифр" },
    ]);
    expect(issues(Organisation, { inn: "770708389", ogrn: "1027700132196", kpp: "77360100" })).toEqual([
      { path: ["inn"], message: "ИНН должен состоять из 10 цифр" },
      { path: ["ogrn"], message: "Неверный контрольный разряд ОГРН" },
      { path: ["kpp"], message: "КПП должен состоять из 9 символов" },
    ]);
    expect(issues(Passport, { series: "451", number: "34567" })).toEqual([
      { path: ["series"], message: "Серия паспорта должна состоять из 4 цифр" },
      { path: ["number"], message: "Номер паспорта должен состоять из 6 цифр" },
    ]);
  });

  it("word each SNILS fault on its own", () => {
    expect(issues(zSnils, "000-000-000 00")).toEqual([{ path: [], message: "Номер СНИЛС из зарезервированного диапазона" }]);
    expect(issues(zSnils, "112-233-44")).toEqual([{ path: [], message: "СНИЛС должен состоять из 11 цифр" }]);
    expect(issues(zBirthCertificateSeries, "IIII-АК")).toEqual([
      { path: [], message: "Серия свидетельства: римское число латинскими буквами I, V, X, L, C" },
    ]);
    expect(issues(zInn, "7707083894")).toEqual([{ path: [], message: "Неверная контрольная сумма ИНН" }]);
  });

  it("ask for blank or missing values instead of complaining about length", () => {
    expect(issues(zSnils, "   ")).toEqual([{ path: [], message: "Укажите СНИЛС" }]);
    expect(issues(Organisation, { ogrn: "1027700132195", kpp: "773601001" })).toEqual([
      { path: ["inn"], message: "Укажите ИНН" },
    ]);
    expect(issues(zPassportSeries, 4512)).toEqual([{ path: [], message: "Укажите серию паспорта" }]);
  });

  it("stay usable as optional fields", () => {
    expect(z.object({ snils: zSnils.optional() }).parse({})).toEqual({});
  });
});
