// Every procedure of the application router, found by walking its record
// (so a procedure added tomorrow is fuzzed without touching the test), with
// a fast-check arbitrary for its input derived from the input zod schema.
import fc from "fast-check";
import { z } from "zod";
import { appRouter } from "../../trpc/root";
import { anyValue, POLLUTION_KEYS, pollutionPayload, withOwnKey } from "./hostile-values";
import { arbitraryFromJsonSchema, type JsonSchema, type KeyHint } from "./json-schema-arbitrary";

export interface FuzzedProcedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** The JSON Schema of the input as zod sees it on the way in; null when the procedure takes no input. */
  inputSchema: JsonSchema | null;
}

interface ProcedureDef {
  type: FuzzedProcedure["type"];
  inputs: unknown[];
}

/** zod's JSON Schema of an input parser; a parser that is not a zod schema fails the run. */
export function inputJsonSchema(path: string, inputs: unknown[]): JsonSchema | null {
  if (inputs.length === 0) return null;
  const schemas = inputs.map((parser) => {
    if (!(parser instanceof z.ZodType)) throw new Error(`fuzz: ${path} has an input parser that is not a zod schema`);
    return toJsonSchema(parser);
  });
  // Chained .input() calls merge objects: so does the generated value.
  return schemas.length === 1 ? schemas[0]! : { allOf: schemas };
}

/** zod types JSON Schema cannot express; the converter refuses them (a procedure would go unfuzzed). */
const UNSUPPORTED = new Set(["bigint", "symbol", "custom", "function", "map", "set", "promise", "nan", "undefined", "void"]);

export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const type = ctx.zodSchema._zod.def.type;
      // Dates travel as Date objects (superjson); mark them so the generator makes real ones.
      if (type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time", "x-js-date": true });
      else if (UNSUPPORTED.has(type)) Object.assign(ctx.jsonSchema, { "x-unsupported": type });
    },
  }) as JsonSchema;
}

export function listProcedures(): FuzzedProcedure[] {
  const record = (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures;
  return Object.entries(record)
    .map(([path, procedure]) => ({ path, type: procedure._def.type, inputSchema: inputJsonSchema(path, procedure._def.inputs) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls `path` ("a.b.c") on a caller made by createCaller. */
export function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

/**
 * The input arbitrary of one procedure: mostly schema-shaped values (a leaf
 * turns hostile now and then), plus values that ignore the schema entirely.
 */
export function inputArbitrary(procedure: FuzzedProcedure, hint: KeyHint): fc.Arbitrary<unknown> {
  const wild = fc.oneof(
    { arbitrary: anyValue, weight: 3 },
    { arbitrary: fc.constantFrom(...POLLUTION_KEYS).chain((key) => pollutionPayload.map((payload) => withOwnKey({}, key, payload))), weight: 1 },
  );
  if (!procedure.inputSchema) return wild;
  const clean = arbitraryFromJsonSchema(procedure.inputSchema, { hostility: 0, hint });
  const spoiled = arbitraryFromJsonSchema(procedure.inputSchema, { hostility: 0.08, hint });
  // Weights tuned on this 2-core machine: about two calls in five pass
  // validation and reach the database; the rest attack validation cheaply.
  return fc.oneof({ arbitrary: clean, weight: 3 }, { arbitrary: spoiled, weight: 4 }, { arbitrary: wild, weight: 3 });
}
