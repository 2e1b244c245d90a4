"use client";
// Field and form-level messages of a movement form, from client-side zod
// issues or a server refusal (zod issues arrive as dotted paths).
import { useState } from "react";
import type { z } from "zod";
import { issuesToErrors, serverErrorsOf, type FieldErrors, type ServerError } from "../learners/form/form-model";

type Issues = Parameters<typeof issuesToErrors>[0];

export function useFormErrors(checkFields: string) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    errors,
    formError,
    clear() {
      setErrors({});
      setFormError(null);
    },
    invalid(issues: Issues) {
      setErrors(issuesToErrors(issues));
      setFormError(checkFields);
    },
    /** Checks input with the shared schema: the parsed data, or null with the issues on their fields. */
    validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
      setErrors({});
      setFormError(null);
      const parsed = schema.safeParse(input);
      if (parsed.success) return parsed.data;
      setErrors(issuesToErrors(parsed.error.issues as Issues));
      setFormError(checkFields);
      return null;
    },
    server(error: ServerError) {
      const mapped = serverErrorsOf(error, checkFields);
      setErrors(mapped.fields);
      setFormError(mapped.form ?? checkFields);
    },
  };
}
