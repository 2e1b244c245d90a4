// A tRPC error mapped onto the form's fields: zod issues by path, or the
// domain error's own field. Whatever names no field becomes the form's error.
export interface ServerError {
  message: string;
  data?: { zodError?: { fieldErrors: Record<string, string[] | undefined> } | null; field?: string | null } | null;
}

export function fieldErrorsOf<F extends string>(error: ServerError, fields: readonly F[]) {
  const isField = (key: string): key is F => (fields as readonly string[]).includes(key);
  const errors: Partial<Record<F, string>> = {};
  for (const [key, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
    if (isField(key) && messages?.[0]) errors[key] = messages[0];
  }
  const field = error.data?.field;
  if (field && isField(field)) errors[field] = error.message;
  return errors;
}
