// Prisma sends `equals`, `contains` and `startsWith` with mode "insensitive"
// to PostgreSQL as an ILIKE pattern, unescaped: "_" and "%" in a user's text
// would match any character, and a trailing "\" is an invalid pattern
// (22025, a 500; found by the procedure fuzzer with a subject of "\").
// Every insensitive comparison passes its text through `likeLiteral`.

/** `value` as an ILIKE pattern that matches exactly itself (escape character "\"). */
export const likeLiteral = (value: string): string => value.replace(/[\\%_]/g, "\\$&");
