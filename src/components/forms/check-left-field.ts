// "Checked when the field is left": a form's onBlur handler that runs the
// procedure's own schema over the whole draft and updates only the field
// just left (SNILS check digits, real and past dates…). An untouched empty
// field says nothing until submit. Shared by every form that checks on blur.
import type { FocusEvent } from "react";
import type { Dispatch, SetStateAction } from "react";
import { errorOfField } from "@/lib/errors/form-errors";
import type { Locale } from "@/lib/i18n";

type Issues = Parameters<typeof errorOfField>[0];
type Parsed = { success: true } | { success: false; error: { issues: Issues } };

export function checkLeftField(
  parse: () => Parsed,
  errors: Readonly<Record<string, string>>,
  setErrors: Dispatch<SetStateAction<Record<string, string>>>,
  locale: Locale,
) {
  return (event: FocusEvent<HTMLFormElement>) => {
    const { name, value } = event.target as { name?: string; value?: string };
    if (!name || (value === "" && !errors[name])) return;
    const parsed = parse();
    const message = parsed.success ? undefined : errorOfField(parsed.error.issues, name, locale);
    setErrors((current) => {
      if (current[name] === message) return current;
      const next = { ...current };
      if (message) next[name] = message;
      else delete next[name];
      return next;
    });
  };
}
