// Every audit code the source can record has a Russian and an English label
// and an area, and every detail field the source writes has a label in both.
// The types already refuse a catalogue code without labels; this also catches
// a code or a field that reaches recordAudit around the types (a cast, a
// variable, an /api/v1 endpoint's table).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_AREA, AUDIT_ACTIONS, AUDIT_AREAS } from "@/lib/audit-actions";
import { en } from "./en";
import { ru } from "./ru";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const sources = sourceFiles(join(process.cwd(), "src/server")).map((path) => ({ path, text: readFileSync(path, "utf8") }));

/** Quoted strings that look like audit codes in places codes are written: `action: "…"` and the API endpoints' tables. */
function recordedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/\b(?:action|auditAction)\s*:\s*"([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)"/g)) found.set(m[1]!, path);
  }
  return found;
}

/** Top-level keys of `details: { … }` literals written on one line (the usual shape). */
function detailKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/details:\s*\{([^{}\n]*)\}/g)) {
      for (const part of m[1]!.split(",")) {
        const key = /^\s*([A-Za-z_]\w*)\s*(?::|$)/.exec(part)?.[1];
        if (key) found.set(key, path);
      }
    }
  }
  return found;
}

describe("audit label catalogue", () => {
  it("labels every action of the catalogue in both languages, and every area", () => {
    for (const code of AUDIT_ACTIONS) {
      expect(ru.auditLabels.actions[code], code).toMatch(/\S/);
      expect(en.auditLabels.actions[code], code).toMatch(/\S/);
      expect(AUDIT_AREAS).toContain(AUDIT_ACTION_AREA[code]);
    }
    for (const area of AUDIT_AREAS) {
      expect(ru.auditLabels.areas[area]).toMatch(/\S/);
      expect(en.auditLabels.areas[area]).toMatch(/\S/);
    }
    // Two actions with one label would be indistinguishable in the filter.
    expect(new Set(Object.values(ru.auditLabels.actions)).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(Object.values(en.auditLabels.actions)).size).toBe(AUDIT_ACTIONS.length);
  });

  it("has every code the server records", () => {
    const codes = recordedCodes();
    expect(codes.size).toBeGreaterThan(30);
    for (const [code, path] of codes) expect(AUDIT_ACTIONS, `${code} in ${path}`).toContain(code);
  });

  it("labels every detail field the server writes, in both languages", () => {
    const keys = detailKeys();
    expect(keys.size).toBeGreaterThan(30);
    const unlabelled = [...keys].filter(([key]) => !ru.auditLabels.fields[key] || !en.auditLabels.fields[key]).map(([key, path]) => `${key} (${path})`);
    expect(unlabelled).toEqual([]);
    expect(Object.keys(en.auditLabels.fields).sort()).toEqual(Object.keys(ru.auditLabels.fields).sort());
    expect(Object.keys(en.auditLabels.values).sort()).toEqual(Object.keys(ru.auditLabels.values).sort());
    expect(Object.keys(en.auditLabels.entities).sort()).toEqual(Object.keys(ru.auditLabels.entities).sort());
  });
});
