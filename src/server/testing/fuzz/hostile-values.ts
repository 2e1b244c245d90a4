// Values that break careless code: boundary strings, Cyrillic and emoji,
// SQL- and HTML-looking text, numbers outside every sane range, and objects
// whose keys target prototypes. Shared by the schema-driven generator and the
// "anything at all" branch of the procedure fuzz test.
import fc from "fast-check";

export const NASTY_STRINGS = [
  "",
  " ",
  "\t\n",
  "\u0000",
  "\u200b",
  "\ufeff",
  "Ёжик Щукин-Юрьев",
  "ё",
  "👩‍👩‍👧‍👦",
  "🙂",
  "\ud800", // a lone surrogate: not valid UTF-16 text
  "'; DROP TABLE \"Learner\"; --",
  "' OR '1'='1",
  "%",
  "_",
  "\\",
  "$1",
  "::text",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "0",
  "-1",
  "1e309",
  "9999-99-99",
  "0000-00-00",
  "2024-02-30",
  "1899-12-31",
  "275760-09-13",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

export const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  1e21,
];

/** Very long text: past every column limit, and past a megabyte once in a while. */
export const longString = fc.oneof(
  fc.constantFrom(300, 501, 1001, 10_000, 100_000).chain((n) => fc.constantFrom("я".repeat(n), "a".repeat(n), "🙂".repeat(n))),
  fc.constant("x".repeat(1_100_000)),
);

export const nastyString = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 6 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 2 },
  { arbitrary: longString, weight: 1 },
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.double(),
  fc.integer(),
  fc.bigInt().map((n) => n), // superjson would carry it; zod must refuse it
);

/** Keys that try to reach prototypes, plus keys no schema expects. */
export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then"];

/** An object built with defineProperty, so "__proto__" is an own key, as JSON.parse makes it. */
export function withOwnKey(target: unknown, key: string, value: unknown): unknown {
  if (target === null || typeof target !== "object" || Array.isArray(target)) return target;
  const copy = { ...(target as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export const pollutionPayload = fc.oneof(
  fc.constant({ polluted: true }),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.constant(null),
  fc.constant("polluted"),
);

/** Anything at all: wrong types, odd objects, Dates (valid or not), Maps and typed arrays. */
export const anyValue = fc.oneof(
  { arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 }), weight: 4 },
  { arbitrary: nastyString, weight: 2 },
  { arbitrary: nastyNumber, weight: 2 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: fc.constantFrom(undefined, null, true, false, [], {}), weight: 2 },
);
