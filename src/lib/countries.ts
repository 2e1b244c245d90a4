// Citizenship by ОКСМ (its numeric codes are ISO 3166-1 numeric; Russia 643),
// with Russian names, plus the explicit "stateless" that ОКСМ has no code for.
import countries from "i18n-iso-countries";
import ru from "i18n-iso-countries/langs/ru.json";
import { compareRu } from "@/lib/collation";

countries.registerLocale(ru);

export const STATELESS = "STATELESS";
export const RUSSIA = "643";

export interface CitizenshipOption {
  code: string;
  name: string;
}

const numericToAlpha2 = countries.getNumericCodes() as Record<string, string>;

export const CITIZENSHIP_OPTIONS: CitizenshipOption[] = [
  { code: RUSSIA, name: "Российская Федерация" },
  { code: STATELESS, name: "Без гражданства" },
  ...Object.entries(numericToAlpha2)
    .filter(([code]) => code !== RUSSIA)
    .map(([code, alpha2]) => ({ code, name: countries.getName(alpha2, "ru") ?? code }))
    .sort((a, b) => compareRu(a.name, b.name)),
];

const byCode = new Map(CITIZENSHIP_OPTIONS.map((o) => [o.code, o.name]));

export function isCitizenshipCode(code: string): boolean {
  return byCode.has(code);
}

/** A country that issues documents: any ОКСМ code, but not "stateless" (the column holds 3 digits). */
export function isCountryCode(code: string): boolean {
  return code !== STATELESS && byCode.has(code);
}

export function citizenshipName(code: string | null | undefined): string {
  return (code && byCode.get(code)) || "";
}

/** Accepts a code ("643", "51"), or a Russian name as typed in an import file. */
export function parseCitizenship(input: string): string | null {
  const value = input.trim();
  if (/^\d{1,3}$/.test(value)) {
    const code = value.padStart(3, "0");
    return byCode.has(code) ? code : null;
  }
  const lower = value.toLowerCase();
  if (["без гражданства", "лбг", STATELESS.toLowerCase()].includes(lower)) return STATELESS;
  if (["россия", "рф"].includes(lower)) return RUSSIA;
  for (const [code, name] of byCode) if (name.toLowerCase() === lower) return code;
  return null;
}
