// The advisory lock keys are distinct, and every literal key an SQL function
// (definition file or migration) locks is the one locks.ts lists for that function; TypeScript
// outside locks.ts spells no key itself.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFINITION_FILES } from "./definitions";
import { ADVISORY_LOCKS } from "./locks";

const root = path.resolve(import.meta.dirname, "../../..");
const LOCK_CALL = /pg_(?:try_)?advisory_(?:xact_)?lock(?:_shared)?\s*\(\s*(\d+)/g;

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

/** [function, key] for every literal-key lock in the definition files and the migrations (history). */
function sqlLocks(): { file: string; fn: string | null; key: number }[] {
  const found: { file: string; fn: string | null; key: number }[] = [];
  const sources = [...DEFINITION_FILES.map((f) => path.join(root, f)), ...files(path.join(root, "prisma/migrations"), ".sql")];
  for (const file of sources) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(LOCK_CALL)) {
      const before = text.slice(0, match.index);
      const fns = [...before.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/gi)];
      found.push({ file: path.relative(root, file), fn: fns.at(-1)?.[1] ?? null, key: Number(match[1]) });
    }
  }
  return found;
}

describe("advisory locks", () => {
  it("have distinct keys", () => {
    const keys = Object.values(ADVISORY_LOCKS).map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("match every literal key the migrations' SQL functions lock", () => {
    const locks = sqlLocks();
    expect(locks.length).toBeGreaterThan(0);
    for (const { file, fn, key } of locks) {
      const owner = Object.entries(ADVISORY_LOCKS).find(([, l]) => (l.sqlFunctions as readonly string[]).includes(fn ?? ""));
      expect(owner, `${file}: function ${fn} locks ${key} but is not listed in locks.ts`).toBeDefined();
      expect(key, `${file}: ${fn} must lock ${owner![0]}'s key`).toBe(owner![1].key);
    }
  });

  it("keep the verifier's key away from every SQL function", () => {
    expect(sqlLocks().filter((l) => l.key === ADVISORY_LOCKS.auditVerify.key)).toEqual([]);
  });

  it("are not spelled as literals in TypeScript outside locks.ts", () => {
    const offenders: string[] = [];
    for (const dir of ["src", "tools", "prisma"]) {
      for (const file of files(path.join(root, dir), ".ts")) {
        if (file.endsWith("locks.ts") || file.includes(".test.") || file.includes(`${path.sep}generated${path.sep}`)) continue;
        const text = fs.readFileSync(file, "utf8");
        const keys = Object.values(ADVISORY_LOCKS).map((l) => String(l.key));
        if ([...text.matchAll(LOCK_CALL)].length > 0 || keys.some((k) => text.replaceAll("_", "").includes(k))) {
          offenders.push(path.relative(root, file));
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
