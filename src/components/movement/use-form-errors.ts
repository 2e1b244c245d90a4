"use client";
// Field and form-level messages of a movement form, from client-side zod
// issues or a server refusal (zod issues arrive as dotted paths).
import { useState } from "react";
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
    server(error: ServerError) {
      const mapped = serverErrorsOf(error, checkFields);
      setErrors(mapped.fields);
      setFormError(mapped.form ?? checkFields);
    },
  };
}
