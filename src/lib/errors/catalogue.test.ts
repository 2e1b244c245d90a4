import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_NOUNS_EN, ERRORS_EN } from "@/messages/errors-en";
import { ERROR_NOUNS_RU, ERRORS_RU } from "@/messages/errors-ru";
import { localiseErrorText, recogniseError, renderError } from "./catalogue";

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe("error catalogue", () => {
  it("has a Russian and an English text for every code, with the same params", () => {
    expect(Object.keys(ERRORS_EN).sort()).toEqual(Object.keys(ERRORS_RU).sort());
    for (const [code, ru] of Object.entries(ERRORS_RU)) {
      const en = ERRORS_EN[code as keyof typeof ERRORS_RU];
      expect(ru.trim(), code).not.toBe("");
      expect(en.trim(), code).not.toBe("");
      expect(en, `${code} is not translated`).not.toMatch(/[А-Яа-яЁё]{3,}/);
      // English may drop a Russian-only word ({learnersWord}) but never invent a param.
      for (const name of placeholders(en)) expect(placeholders(ru).has(name), `${code}: {${name}}`).toBe(true);
    }
    expect(Object.keys(ERROR_NOUNS_EN).sort()).toEqual(Object.keys(ERROR_NOUNS_RU).sort());
  });

  it("gives one Russian sentence one English sentence", () => {
    const englishOf = new Map<string, string>();
    for (const [code, ru] of Object.entries(ERRORS_RU)) {
      const en = ERRORS_EN[code as keyof typeof ERRORS_RU];
      if (englishOf.has(ru)) expect(en, ru).toBe(englishOf.get(ru));
      englishOf.set(ru, en);
    }
  });

  it("recognises literal and templated texts and renders them in both languages", () => {
    expect(recogniseError("Неверная контрольная сумма СНИЛС")).toEqual({ code: "snils.checksum", params: {} });
    expect(localiseErrorText("Неверная контрольная сумма СНИЛС", "en").message).toBe("Wrong SNILS check digits");
    expect(recogniseError("Не длиннее 500 символов")).toEqual({ code: "field.tooLong", params: { max: "500" } });
    expect(localiseErrorText("Не длиннее 500 символов", "en").message).toBe("At most 500 characters");
    expect(recogniseError("Укажите фамилию")).toEqual({ code: "field.required", params: { what: "lastName" } });
    expect(localiseErrorText("Укажите фамилию", "en").message).toBe("Enter the last name");
    expect(renderError("field.required", { what: "lastName" }, "ru")).toBe("Укажите фамилию");
    // A literal wins over a template it would also match.
    expect(recogniseError("Укажите СНИЛС")?.code).toBe("snils.required");
    expect(localiseErrorText("Класс 5А на этот учебный год уже есть", "en").message).toBe("Class 5А already exists for this school year");
    expect(localiseErrorText("Нельзя закрыть организацию: в ней 3 обучающихся. Сначала оформите их выбытие или перевод", "en").message).toBe(
      "Cannot close the organisation: it has 3 learner(s). First record their leaving or transfer",
    );
  });

  it("keeps an unknown text as it is instead of losing it", () => {
    expect(localiseErrorText("Что-то новое", "en")).toEqual({ code: null, params: {}, message: "Что-то новое" });
    // A noun the catalogue does not know is not half-translated.
    expect(recogniseError("Укажите что-нибудь")).toBeNull();
    expect(recogniseError("Не длиннее ста символов")).toBeNull();
  });
});

// Every error text the forms' schemas and services write must have a code:
// a new Russian sentence without one would reach English readers untranslated.
const SOURCES = [
  "src/lib/validators/zod.ts",
  "src/lib/unstorable-text.ts",
  "src/server/errors.ts",
  "src/server/trpc/init.ts",
  "src/server/db/unavailable.ts",
  "src/server/auth/password-policy.ts",
  ...["person", "learner", "representative", "health", "portfolio", "subjects", "organisation", "users", "movement", "auth", "api-clients", "programme", "study-certificates",
    "addresses", "learner-addresses", "territories", "residents", "children-account"].map(
    (f) => `src/lib/schemas/${f}.ts`,
  ),
  ...[
    "users/user-scope",
    "users/manage-users",
    "users/account-security",
    "movement/enrol-existing",
    "movement/cancel-event",
    "movement/record-event",
    "movement/school-events",
    "movement/transfers",
    "learners/write-learners",
    "learners/representatives",
    "portfolio/portfolio",
    "subjects/subjects",
    "subjects/unmapped",
    "subjects/resolve-subject",
    "health/health-records",
    "programmes/manage-programmes",
    "organisations/manage-organisations",
    "account/change-password",
    "account/second-factor",
    "approvals/approver",
    "approvals/account-approvals",
    "approvals/client-approvals",
    "machine-clients/manage-clients",
    "audit/acknowledgements",
    "study-certificates/issue",
    "study-certificates/content",
    // Issue 22: the address directory, learners' addresses, territories, the register and the account of children.
    "addresses/gar-files",
    "addresses/gar-load",
    "addresses/resolve",
    "addresses/suggest",
    "learner-addresses/directory-houses",
    "learner-addresses/school-addresses",
    "learner-addresses/sync",
    "territories/territory-scope",
    "territories/orders",
    "territories/assignments",
    "territories/coverage",
    "residents/scope",
    "residents/register",
    "children-account/account-scope",
    "children-account/account",
  ].map((f) => `src/server/services/${f}.ts`),
];
// Russian literals in those files that are data, not error texts.
const NOT_ERRORS = new Set([
  ...Object.values(ERROR_NOUNS_RU),
  "б/н",
  "Укажите …",
  "обучающийся",
  "обучающихся",
  "1 четверть",
  "2 четверть",
  "3 четверть",
  "4 четверть",
  "1 полугодие",
  "2 полугодие",
  "год",
  "итоговая",
  // The register's address column: the flat after the house.
  "кв. ${r.flat}",
]);
const skeleton = (text: string) => text.replace(/\$\{[^}]*\}/g, "{}").replace(/\{\w+\}/g, "{}");

describe("error texts in the forms' schemas and services", () => {
  const known = new Set(Object.values(ERRORS_RU).map(skeleton));
  for (const file of SOURCES) {
    it(`${file}: every Russian error text has a code`, () => {
      // "a" + "b" across lines is one sentence.
      const source = readFileSync(file, "utf8").replace(/(["`])\s*\+\s*\1/g, "");
      const literals = [...source.matchAll(/(["`])((?:(?!\1)[^\n])*[А-Яа-яЁё](?:(?!\1)[^\n])*)\1/g)].map((m) => m[2]!);
      const missing = literals.filter((text) => !NOT_ERRORS.has(text) && !(text.includes("${") ? known.has(skeleton(text)) : recogniseError(text)));
      expect(missing).toEqual([]);
    });
  }
});
