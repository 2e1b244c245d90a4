// Error texts as stable codes with Russian and English wording. Services and
// schemas keep writing the Russian sentence (the one the import report and
// /api/v1 show); this module recognises it — literally or as a template with
// {params} — so the tRPC error formatter and the browser can send the code
// and show the text in the reader's language. Client-safe: no server import.
import { en as zodEnglish } from "zod/locales";
import { ERROR_NOUNS_EN, ERRORS_EN } from "@/messages/errors-en";
import { ERROR_NOUNS_RU, ERRORS_RU, type ErrorCode, type ErrorNoun } from "@/messages/errors-ru";
import type { Locale } from "@/lib/i18n";

export type { ErrorCode };
export type ErrorParams = Record<string, string>;
export interface CodedError {
  code: ErrorCode;
  params: ErrorParams;
}

const NUMERIC_PARAMS = new Set(["max", "min", "age", "from", "to", "count"]);
const PLACEHOLDER = /\{(\w+)\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const nounAlternatives = Object.values(ERROR_NOUNS_RU)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const nounKeyOf = new Map(Object.entries(ERROR_NOUNS_RU).map(([key, ru]) => [ru as string, key as ErrorNoun]));

function paramPattern(name: string): string {
  if (NUMERIC_PARAMS.has(name)) return "(\\d+)";
  if (name === "what") return `(${nounAlternatives})`;
  return "(.+?)";
}

const exact = new Map<string, ErrorCode>();
const templates: { code: ErrorCode; regex: RegExp; names: string[] }[] = [];
for (const [code, ru] of Object.entries(ERRORS_RU) as [ErrorCode, string][]) {
  const names = [...ru.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (names.length === 0) {
    // Two codes for one sentence (e.g. «Запись не найдена») are one message: the first, more specific one wins.
    if (!exact.has(ru)) exact.set(ru, code);
    continue;
  }
  const source = ru
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? paramPattern(part) : escape(part)))
    .join("");
  templates.push({ code, regex: new RegExp(`^${source}$`), names });
}

/** The code and params of a Russian error text, or null for a text the catalogue does not know. */
export function recogniseError(text: string): CodedError | null {
  const code = exact.get(text);
  if (code) return { code, params: {} };
  for (const template of templates) {
    const match = template.regex.exec(text);
    if (!match) continue;
    const params: ErrorParams = {};
    template.names.forEach((name, i) => {
      const value = match[i + 1]!;
      params[name] = name === "what" ? (nounKeyOf.get(value) ?? value) : value;
    });
    return { code: template.code, params };
  }
  return null;
}

/** The text of a code in `locale`, its {params} filled in. */
export function renderError(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  const template = locale === "en" ? ERRORS_EN[code] : ERRORS_RU[code];
  const nouns: Record<string, string> = locale === "en" ? ERROR_NOUNS_EN : ERROR_NOUNS_RU;
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name] ?? "";
    return name === "what" ? (nouns[value] ?? value) : value;
  });
}

export interface LocalisedError {
  /** A catalogue code, `zod.<issue code>` for zod's own messages, or null for an unknown text. */
  code: string | null;
  params: ErrorParams;
  message: string;
}

/** A Russian error text in `locale`; an unknown text is kept as it is rather than lost. */
export function localiseErrorText(text: string, locale: Locale): LocalisedError {
  const coded = recogniseError(text);
  if (!coded) return { code: null, params: {}, message: text };
  return { ...coded, message: renderError(coded.code, coded.params, locale) };
}

const zodEnglishError = zodEnglish().localeError;

/** A zod issue (from the server schema or the browser's check of the same schema) in `locale`. */
export function localiseIssue(
  issue: { code?: string; message: string } & Record<string, unknown>,
  locale: Locale,
): LocalisedError {
  const known = localiseErrorText(issue.message, locale);
  if (known.code || !issue.code || issue.code === "custom") return known;
  // zod's own wording (wrong type, too big…): its English locale has the twin of the Russian one.
  const english = locale === "en" ? zodEnglishError(issue as never) : undefined;
  const message = typeof english === "string" ? english : (english?.message ?? issue.message);
  return { code: `zod.${issue.code}`, params: {}, message };
}
