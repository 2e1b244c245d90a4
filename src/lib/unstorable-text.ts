// Text PostgreSQL cannot store: a NUL character (text columns refuse it) or a
// lone UTF-16 surrogate (not a character at all; the audit's JSON refuses it,
// and a text column would silently get U+FFFD instead). Both reached the
// database as 500s. One finder for every way input arrives — tRPC's input
// guard and the /api/v1 request readers — so both refuse the same strings
// with the same message.

/** The field message for such a string, as tRPC and /api/v1 show it. */
export const UNSTORABLE_TEXT_MESSAGE = "Недопустимый символ в тексте: удалите невидимые символы";

// With the u flag a surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;

// Input is a form or a JSON body: nothing legitimate nests deeper, and the
// bound keeps a hostile body from recursing without end.
const MAX_DEPTH = 8;

export const isUnstorableText = (value: string): boolean => value.includes("\u0000") || LONE_SURROGATE.test(value);

/** The path of the first string in `value` PostgreSQL cannot store, or null; `[]` when `value` itself is one. */
export function findUnstorableText(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return isUnstorableText(value) ? path : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findUnstorableText(child, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    if (found) return found;
  }
  return null;
}
