// The schema rule (ARCHITECTURE.md, "How to add…"): a procedure's input is a
// named schema from src/lib/schemas, shared with the form that sends it, never
// one spelt inside a router. Read from the router sources themselves.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTERS = import.meta.dirname;

function routerFiles(dir = ROUTERS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routerFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Names imported from "@/lib/schemas/…" (one statement may span lines). */
function schemaImports(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']@\/lib\/schemas\/[^"']+["']/g))
    for (const name of m[1]!.split(",")) if (name.trim()) names.add(name.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()!);
  return names;
}

describe("procedure inputs", () => {
  const files = routerFiles();

  it("finds the routers", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(ROUTERS, f), f]))("%s takes every input from src/lib/schemas", (_, file) => {
    const text = fs.readFileSync(file, "utf8");
    const imported = schemaImports(text);
    const strays = [...text.matchAll(/\.input\(\s*([^)]*?)\s*\)/g)].map((m) => m[1]!).filter((arg) => !/^\w+$/.test(arg) || !imported.has(arg));
    expect(strays).toEqual([]);
  });
});
