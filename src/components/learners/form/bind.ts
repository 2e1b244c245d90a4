// Props that tie one input to a draft field and its message under a dotted path.
import type { ChangeEvent } from "react";
import type { FieldErrors } from "@/lib/errors/form-errors";

export type Bind<K extends string> = (key: K) => {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
};

export function binder<K extends string>(
  prefix: string,
  draft: Record<K, unknown>,
  errors: FieldErrors,
  set: (key: K, value: string) => void,
): Bind<K> {
  return (key) => {
    const name = `${prefix}.${key}`;
    return { name, value: String(draft[key] ?? ""), error: errors[name], onChange: (e) => set(key, e.target.value) };
  };
}
