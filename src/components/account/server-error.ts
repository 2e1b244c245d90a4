// The field a tRPC error belongs to (zod issue or domain error), for inline display.
export interface ServerError {
  message: string;
  data?: { zodError?: { fieldErrors: Record<string, string[] | undefined> } | null; field?: string | null } | null;
}

export function fieldErrorsOf(error: ServerError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) out[key] = messages[0];
  }
  if (error.data?.field) out[error.data.field] = error.message;
  return out;
}
