"use client";
// Field and form-level messages of a form, from client-side zod issues or a
// server refusal (zod issues arrive as dotted paths), kept in React state;
// the mapping itself is src/lib/errors/form-errors.ts. Every failure bumps
// `failedSubmits`, which moves focus to the error summary.
import { useState } from "react";
import type { z } from "zod";
import { issuesToErrors, serverErrorsOf, type FieldErrors, type ServerError } from "@/lib/errors/form-errors";
import type { Locale } from "@/lib/i18n";

type Issues = Parameters<typeof issuesToErrors>[0];

interface FormErrorsOptions {
  /** The field paths the form shows; a refusal naming another path becomes the form's message (serverErrorsOf). */
  fields?: readonly string[];
  /** The reader's language; the page's <html lang> when omitted. */
  locale?: Locale;
}

/** `checkFields`: the form's message when the server's zod refusal names no field it shows. */
export function useFormErrors(checkFields: string, { fields, locale }: FormErrorsOptions = {}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((n) => n + 1);
  return {
    errors,
    /** For checks that touch one field without a submit (checkLeftField). */
    setErrors,
    formError,
    failedSubmits,
    clear() {
      setErrors({});
      setFormError(null);
    },
    /** A failed submit with these field messages (the schema's, plus any check the schema cannot make). */
    fail(next: FieldErrors) {
      setErrors(next);
      setFormError(null);
      failed();
    },
    invalid(issues: Issues) {
      setErrors(issuesToErrors(issues, locale));
      setFormError(null);
      failed();
    },
    /** Checks input with the shared schema: the parsed data, or null with the issues on their fields. */
    validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
      setErrors({});
      setFormError(null);
      const parsed = schema.safeParse(input);
      if (parsed.success) return parsed.data;
      setErrors(issuesToErrors(parsed.error.issues as Issues, locale));
      failed();
      return null;
    },
    server(error: ServerError) {
      const mapped = serverErrorsOf(error, checkFields, fields);
      setErrors(mapped.fields);
      setFormError(mapped.form);
      failed();
    },
  };
}
