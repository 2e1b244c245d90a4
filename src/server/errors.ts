// Domain errors thrown by services. They are turned into tRPC errors in one
// place (trpc/init.ts), so services never depend on the transport.
export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Shown to the person: Russian, says what to do. */
    message: string,
    /** The input field the error belongs to, for inline display. */
    readonly field?: string,
    /** Structured facts the page needs (e.g. the existing record to offer). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (message = "Запись не найдена") => new DomainError("NOT_FOUND", message);
export const forbidden = (message = "Недостаточно прав") => new DomainError("FORBIDDEN", message);
export const conflict = (message: string, field?: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", message, field, details);
export const badRequest = (message: string, field?: string) => new DomainError("BAD_REQUEST", message, field);
