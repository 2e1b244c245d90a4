// Property-name hints for the fuzz generator: the input schemas check dates,
// SNILS and country codes in refinements that JSON Schema cannot express, and
// ids only mean something if they exist. Without these hints nearly every
// generated call would stop at validation and the database would go untested.
import { decryptIdentity } from "../../services/person/identity-fields";
import fc from "fast-check";
import { STATELESS } from "@/lib/countries";
import { formatSnils, snilsCheckDigits } from "@/lib/validators";
import type { Db } from "../../db";
import { isoDay, type JsonSchema, type KeyHint } from "./json-schema-arbitrary";

const validSnils = fc.integer({ min: 2_000_000, max: 999_999_999 }).map((n) => {
  const first9 = String(n).padStart(9, "0");
  return formatSnils(first9 + snilsCheckDigits(first9));
});

/** Ids per table (by model name) and all ids together, read once from the seeded database. */
export async function collectIds(db: Db, exclude: { users: string[] }): Promise<Map<string, string[]>> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'id' AND data_type IN ('uuid', 'text')`,
  );
  const ids = new Map<string, string[]>();
  for (const { table_name: table } of tables) {
    if (table.startsWith("_")) continue;
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM "${table}" ORDER BY id LIMIT 40`);
    // The accounts that make the calls stay out: deactivating them would end the fuzz run early.
    const list = rows.map((r) => r.id).filter((id) => table !== "User" || !exclude.users.includes(id));
    if (list.length) ids.set(table.toLowerCase(), list);
  }
  return ids;
}

export async function collectSnils(db: Db): Promise<string[]> {
  const rows = await db.learner.findMany({ where: { snilsEnc: { not: null } }, select: { snilsEnc: true }, take: 40 });
  return rows.map((r) => decryptIdentity("Learner", r).snils!).filter(Boolean);
}

/** Which table an id property points at: learnerId → learner, transferId → transfer, id → any. */
function tableOf(key: string, ids: Map<string, string[]>): string[] {
  const stem = key.replace(/Ids?$/, "").toLowerCase();
  if (ids.has(stem)) return ids.get(stem)!;
  for (const [table, list] of ids) if (table.endsWith(stem) && stem.length > 2) return list;
  return [...ids.values()].flat();
}

const DATE_KEY = /(At|Date|^date|^from|^to|From|To|^asOf|Until|Since)$/;

export function realisticHint(ids: Map<string, string[]>, snils: string[]): KeyHint {
  return (key: string, schema: JsonSchema) => {
    if (schema.type === "integer" || schema.type === "number") {
      if (/year/i.test(key)) return fc.integer({ min: 2000, max: new Date().getFullYear() - 1 });
      if (/^mark$/.test(key)) return fc.integer({ min: 2, max: 5 });
      if (/Score$/.test(key)) return fc.integer({ min: 0, max: 100 });
      return undefined;
    }
    if (schema.type !== "string") return undefined;
    if (schema.format === "uuid") {
      const pool = tableOf(key, ids);
      return pool.length ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 }) : undefined;
    }
    // Dates are checked by refinements (a real day, not in the future): a pattern alone makes nonsense days.
    if (DATE_KEY.test(key) && (!schema.format || schema.format === "date")) return isoDay;
    if (/email/i.test(key)) return fc.constantFrom("parent@example.ru", "a.b-c@school.example.org");
    if (schema.format || schema.pattern) return undefined;
    if (/snils/i.test(key)) return snils.length ? fc.oneof(fc.constantFrom(...snils), validSnils) : validSnils;
    if (/citizenship/i.test(key)) return fc.constantFrom("643", "643", "112", "804", STATELESS);
    if (/country/i.test(key)) return fc.constantFrom("643", "112", "804");
    // Public identifiers of one real legal entity: valid check digits.
    if (/^inn$/i.test(key)) return fc.constantFrom("7707083893");
    if (/^ogrn$/i.test(key)) return fc.constantFrom("1027700132195");
    if (/^kpp$/i.test(key)) return fc.constantFrom("773601001");
    if (/^(lastName|firstName|middleName)$/.test(key)) return fc.constantFrom("Иванов", "Мария", "Петровна", "Ёлкин-Сидоров", "О'Нил");
    if (/letter/i.test(key)) return fc.constantFrom("А", "Б", "В");
    if (/phone/i.test(key)) return fc.constantFrom("+7 900 123-45-67", "8 (900) 000-00-00");
    return undefined;
  };
}
