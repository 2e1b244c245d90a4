// Pure validators for identifiers (domain.md, "Identifiers and validation
// rules"). No server imports: safe for client components and services alike.
export type { Checked } from "./result";
export * from "./snils";
export * from "./org-identifiers";
export * from "./identity-documents";
export * from "./zod";
