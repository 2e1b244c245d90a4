import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { arbitraryFromJsonSchema, UnsupportedSchemaError } from "./json-schema-arbitrary";
import { toJsonSchema } from "./procedures";

const Sample = z.object({
  id: z.uuid(),
  name: z.string().min(2).max(10),
  grade: z.number().int().min(0).max(12).optional(),
  level: z.enum(["PRIMARY", "BASIC"]),
  tags: z.array(z.string().max(5)).max(3),
  note: z.string().nullable(),
  at: z.date(),
  kind: z.discriminatedUnion("type", [z.object({ type: z.literal("A"), a: z.boolean() }), z.object({ type: z.literal("B"), b: z.number() })]),
});

describe("JSON Schema → fast-check", () => {
  it("without hostility, generates values the zod schema accepts", () => {
    const arb = arbitraryFromJsonSchema(toJsonSchema(Sample), { hostility: 0 });
    for (const value of fc.sample(arb, { numRuns: 300, seed: 1 })) expect(Sample.safeParse(value).success, JSON.stringify(value)).toBe(true);
  });
  it("with hostility, also generates values the schema refuses", () => {
    const arb = arbitraryFromJsonSchema(toJsonSchema(Sample), { hostility: 0.2 });
    const results = fc.sample(arb, { numRuns: 300, seed: 2 }).map((v) => Sample.safeParse(v).success);
    expect(results).toContain(true);
    expect(results).toContain(false);
  });
  it("refuses what it does not understand instead of guessing", () => {
    expect(() => arbitraryFromJsonSchema({ type: "string", format: "hostname-of-mars" }, { hostility: 0 })).toThrow(UnsupportedSchemaError);
    expect(() => arbitraryFromJsonSchema({ type: "object", patternProperties: {} }, { hostility: 0 })).toThrow(UnsupportedSchemaError);
  });
});
