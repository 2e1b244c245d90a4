// The one mapping of errors onto a form: a tRPC refusal (the server already
// wrote it in the reader's language) or the browser's own check with the
// same zod schema (localised here). Keys are dotted paths ("learner.snils",
// "representatives.0.lastName"), the same as the inputs' `name`.
import { toLocale, type Locale } from "@/lib/i18n";
import { localiseIssue } from "./catalogue";

export type FieldErrors = Record<string, string>;

/** What a form needs to know of a tRPC error (the shape trpc/init.ts's errorFormatter sends). */
export interface ServerError {
  message: string;
  data?: {
    code?: string;
    errorCode?: string | null;
    zodError?: {
      issues?: readonly { path: string; code?: string | null; message: string }[];
      fieldErrors?: Record<string, string[] | undefined>;
    } | null;
    field?: string | null;
    details?: Record<string, unknown> | null;
  } | null;
}

export interface FormErrors {
  /** First message per field path. */
  fields: FieldErrors;
  /** A message for the form as a whole: nothing names a field the form shows. */
  form: string | null;
}

type Issue = { path: string | readonly PropertyKey[]; message: string; code?: string };

/** The page's language (the root layout sets <html lang>), for helpers called outside React. */
export function documentLocale(): Locale {
  return typeof document === "undefined" ? "ru" : toLocale(document.documentElement.lang);
}

const pathKey = (path: Issue["path"]) => (typeof path === "string" ? path : path.map(String).join("."));

/** The browser's check: first message per dotted path, in `locale`. */
export function issuesToErrors(issues: readonly Issue[], locale: Locale = documentLocale()): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!(key in out)) out[key] = localiseIssue(issue as Issue & Record<string, unknown>, locale).message;
  }
  return out;
}

/**
 * A server refusal as field messages plus a form-level one. With `fields`,
 * only those paths are shown on fields; a message for any other path (a
 * field the form does not show) becomes the form's message, never lost.
 */
export function serverErrorsOf(error: ServerError, fallback: string, fields?: readonly string[]): FormErrors {
  const shown = (key: string) => !fields || fields.includes(key);
  const out: FieldErrors = {};
  let hidden: string | null = null;
  const put = (key: string, message: string) => {
    if (!shown(key)) hidden ??= message;
    else if (!(key in out)) out[key] = message;
  };
  const issues = error.data?.zodError?.issues;
  if (issues) for (const issue of issues) put(issue.path, issue.message);
  else for (const [key, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) if (messages?.[0]) put(key, messages[0]);
  if (error.data?.field) put(error.data.field, error.message);
  if (hidden) return { fields: out, form: hidden };
  if (Object.keys(out).length > 0) return { fields: out, form: null };
  // A zod error's own message is a JSON dump of issues, not a sentence.
  return { fields: out, form: error.data?.zodError ? fallback : error.message || fallback };
}

/** Only the message of one field path (for a check when the field is left). */
export function errorOfField(issues: readonly Issue[], key: string, locale: Locale = documentLocale()): string | undefined {
  const issue = issues.find((i) => pathKey(i.path) === key);
  return issue ? localiseIssue(issue as Issue & Record<string, unknown>, locale).message : undefined;
}
