// A small JSON Schema → fast-check converter for the shapes zod 4's
// z.toJSONSchema() emits for this project's input schemas. Generated values
// are "nearly valid": each leaf follows its schema most of the time (so a
// useful share of calls passes validation and reaches the database) and is
// replaced by a hostile value otherwise (so validation itself is attacked).
// A keyword or format the converter does not know throws: a new kind of
// schema must be taught here rather than silently fuzzed with noise.
import fc from "fast-check";
import { anyValue, longString, nastyNumber, nastyString, POLLUTION_KEYS, pollutionPayload, withOwnKey } from "./hostile-values";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
  [key: string]: unknown;
}

/** Realistic values for a property by its name (e.g. real ids, valid SNILS), where the schema alone says too little. */
export type KeyHint = (key: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

export interface ConvertOptions {
  /** Chance (0–1) that a leaf value is replaced by a hostile one. */
  hostility: number;
  hint?: KeyHint;
}

// Keywords that only describe or that the generator may ignore safely.
const IGNORED = new Set(["$schema", "$id", "id", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated", "contentEncoding", "contentMediaType"]);
const KNOWN = new Set([
  ...IGNORED, "type", "properties", "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "enum", "const",
  "anyOf", "oneOf", "allOf", "not", "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "multipleOf", "$ref", "$defs", "x-js-date",
]);

const STRING_FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  guid: () => fc.uuid(),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
  "date-time": () => fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  date: () => isoDay,
  time: () => fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(11, 19)),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
};

/** A real calendar day between 1990 and today, as YYYY-MM-DD. */
export const isoDay = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date(), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const CYRILLIC_WORDS = ["Иванов", "Мария", "Ёлкина", "Петрович", "г. Заречный, ул. Школьная, д. 3", "Отдел ЗАГС", "А", "Б", "Сведения", "Русский язык"];

export class UnsupportedSchemaError extends Error {
  constructor(where: string, what: string) {
    super(`fuzz: unsupported JSON Schema at ${where || "<root>"}: ${what}`);
    this.name = "UnsupportedSchemaError";
  }
}

export function arbitraryFromJsonSchema(root: JsonSchema, options: ConvertOptions): fc.Arbitrary<unknown> {
  const defs = root.$defs ?? {};
  const hostile = Math.round(options.hostility * 1000);

  /** Mixes the schema-following arbitrary with hostile replacements. */
  const spoil = (valid: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    hostile === 0 ? valid : fc.oneof({ arbitrary: valid, weight: 1000 - hostile }, { arbitrary: bad, weight: hostile });

  function convert(schema: JsonSchema | boolean, where: string, key: string, depth: number): fc.Arbitrary<unknown> {
    if (schema === true) return anyValue;
    if (schema === false) return anyValue; // nothing is valid: anything tests the refusal
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new UnsupportedSchemaError(where, `keyword "${k}"`);
    if (schema.$ref) {
      const name = schema.$ref === "#" ? null : schema.$ref.replace(/^#\/\$defs\//, "");
      const target = name === null ? root : defs[name];
      if (!target) throw new UnsupportedSchemaError(where, `$ref ${schema.$ref}`);
      // Recursion ends: past depth 4 a reference becomes null (usually invalid, which is fine).
      return depth > 4 ? fc.constant(null) : convert(target, where, key, depth + 1);
    }
    const hinted = options.hint?.(key, schema);
    if (schema.anyOf || schema.oneOf) {
      const branches = (schema.anyOf ?? schema.oneOf)!.map((s, i) => convert(s, `${where}|${i}`, key, depth));
      return hinted ? fc.oneof({ arbitrary: hinted, weight: 3 }, ...branches) : fc.oneof(...branches);
    }
    if (schema.allOf) return convert(mergeAll(schema.allOf, where), where, key, depth);
    if (schema.not) return anyValue;
    if (schema.const !== undefined) return spoil(fc.constant(schema.const), anyValue);
    if (schema.enum) return spoil(fc.constantFrom(...schema.enum), fc.oneof(nastyString, anyValue));
    if (schema["x-js-date"]) return spoil(fc.date({ noInvalidDate: true }), fc.oneof(fc.date({ noInvalidDate: false }), nastyString, anyValue));

    const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.length === 0) return anyValue; // {}: zod's z.unknown()/z.any()
    if (types.length > 1) return fc.oneof(...types.map((t) => convert({ ...schema, type: t }, where, key, depth)));
    switch (types[0]) {
      case "null":
        return spoil(fc.constant(null), anyValue);
      case "boolean":
        return spoil(fc.boolean(), fc.oneof(fc.constantFrom("true", "false", 0, 1, "да"), anyValue));
      case "integer":
      case "number":
        return spoil(hinted ?? numberArbitrary(schema, types[0] === "integer"), fc.oneof(nastyNumber, fc.constantFrom("1", "", " 1 "), anyValue));
      case "string":
        return spoil(hinted ?? stringArbitrary(schema, where), stringAttack(schema));
      case "array":
        return spoil(arrayArbitrary(schema, where, key, depth), fc.oneof(fc.constant([]), fc.array(anyValue, { maxLength: 3 }), anyValue));
      case "object":
        return spoil(objectArbitrary(schema, where, depth), fc.oneof(fc.constant({}), anyValue));
      default:
        throw new UnsupportedSchemaError(where, `type ${String(types[0])}`);
    }
  }

  function stringArbitrary(schema: JsonSchema, where: string): fc.Arbitrary<string> {
    if (schema.format) {
      const make = STRING_FORMATS[schema.format];
      if (!make) throw new UnsupportedSchemaError(where, `string format "${schema.format}"`);
      return make();
    }
    if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.min(schema.maxLength ?? 60, 200);
    const fits = (s: string) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity);
    return fc.oneof(
      { arbitrary: fc.constantFrom(...CYRILLIC_WORDS).filter(fits), weight: 3 },
      // zod counts UTF-16 units, a grapheme may take several: keep only those that fit.
      { arbitrary: fc.string({ unit: "grapheme", minLength, maxLength }).filter(fits), weight: 1 },
    );
  }

  /** Strings around the bounds, of the wrong kind, or no string at all. */
  function stringAttack(schema: JsonSchema): fc.Arbitrary<unknown> {
    const bounds: string[] = [];
    if (schema.maxLength !== undefined) bounds.push("я".repeat(schema.maxLength), "я".repeat(schema.maxLength + 1), "🙂".repeat(schema.maxLength));
    if (schema.minLength) bounds.push("я".repeat(schema.minLength - 1));
    return fc.oneof(
      { arbitrary: nastyString, weight: 4 },
      { arbitrary: bounds.length ? fc.constantFrom(...bounds) : longString, weight: 2 },
      { arbitrary: anyValue, weight: 1 },
    );
  }

  function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
    const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : undefined);
    const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : undefined);
    if (integer) {
      const min = Math.max(lo ?? -1_000_000, Number.MIN_SAFE_INTEGER);
      const max = Math.min(hi ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    return fc.double({ min: lo ?? -1e6, max: hi ?? 1e6, noNaN: true, noDefaultInfinity: true });
  }

  function arrayArbitrary(schema: JsonSchema, where: string, key: string, depth: number): fc.Arbitrary<unknown[]> {
    if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s, i) => convert(s, `${where}[${i}]`, key, depth + 1)));
    const item = schema.items ? convert(schema.items, `${where}[]`, key, depth + 1) : anyValue;
    const minLength = schema.minItems ?? 0;
    return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
  }

  function objectArbitrary(schema: JsonSchema, where: string, depth: number): fc.Arbitrary<unknown> {
    const props = schema.properties ?? {};
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, s] of Object.entries(props)) model[k] = convert(s, `${where}.${k}`, k, depth + 1);
    const required = (schema.required ?? []).filter((k) => k in props);
    const record = fc.record(model, { requiredKeys: required });
    if (hostile === 0) return record;
    // Now and then an extra key: an unknown one or one aimed at a prototype.
    const extra = fc.tuple(fc.constantFrom(...POLLUTION_KEYS, "extra", "isAdmin", "organisationId"), pollutionPayload);
    return fc
      .tuple(record, fc.option(extra, { freq: Math.max(2, Math.round(1000 / hostile)) }))
      .map(([value, add]) => (add ? withOwnKey(value, add[0], add[1]) : value));
  }

  return convert(root, "", "", 0);
}

/** allOf of object schemas (zod emits it for intersections): one object with all keys. */
function mergeAll(parts: JsonSchema[], where: string): JsonSchema {
  if (!parts.every((p) => p.type === "object")) throw new UnsupportedSchemaError(where, "allOf of non-objects");
  return {
    type: "object",
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}
