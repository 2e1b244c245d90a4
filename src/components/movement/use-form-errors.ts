"use client";
// Field and form-level messages of a movement form, from client-side zod
// issues or a server refusal (zod issues arrive as dotted paths). Every
// failure bumps `failedSubmits`, which moves focus to the error summary.
import { useState } from "react";
import type { z } from "zod";
import { issuesToErrors, serverErrorsOf, type FieldErrors, type ServerError } from "../learners/form/form-model";

type Issues = Parameters<typeof issuesToErrors>[0];

export function useFormErrors(checkFields: string) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((n) => n + 1);
  return {
    errors,
    formError,
    failedSubmits,
    clear() {
      setErrors({});
      setFormError(null);
    },
    invalid(issues: Issues) {
      setErrors(issuesToErrors(issues));
      setFormError(null);
      failed();
    },
    /** Checks input with the shared schema: the parsed data, or null with the issues on their fields. */
    validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
      setErrors({});
      setFormError(null);
      const parsed = schema.safeParse(input);
      if (parsed.success) return parsed.data;
      setErrors(issuesToErrors(parsed.error.issues as Issues));
      failed();
      return null;
    },
    server(error: ServerError) {
      const mapped = serverErrorsOf(error, checkFields);
      setErrors(mapped.fields);
      setFormError(mapped.form);
      failed();
    },
  };
}
