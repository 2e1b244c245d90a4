// The dependency direction of src/ (ARCHITECTURE.md, "Layers and what each may
// import"), read from the import statements themselves so a test can hold it:
// which layer may import which, no cycle between service areas, and every
// environment variable read in one of a few named files.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");

export interface SourceFile {
  /** Repository-relative, with forward slashes: src/server/db.ts */
  file: string;
  text: string;
}

export interface Import {
  from: string;
  /** As written: "@/server/db", "../authz/matrix". */
  specifier: string;
  /** The repository-relative file it resolves to; null for a package. */
  target: string | null;
  /** `import type …` / `export type …`: erased by the compiler, no code crosses. */
  typeOnly: boolean;
}

export interface Violation {
  rule: string;
  file: string;
  detail: string;
}

/** Generated code and tests are not layers: tests may reach across to set up what they check. */
function isChecked(file: string): boolean {
  return !file.startsWith("src/server/generated/") && !/\.test\.tsx?$/.test(file) && !file.startsWith("src/server/testing/");
}

export function sourceFiles(dir = SRC): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      const file = path.relative(ROOT, full).split(path.sep).join("/");
      if (isChecked(file)) out.push({ file, text: fs.readFileSync(full, "utf8") });
    }
  }
  return out;
}

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`; the
// statement may span lines (a long list of names), hence [^;]*? up to `from`.
const STATIC = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\bfrom\s*["']([^"']+)["']/g;
const BARE = /(?:^|\n)\s*import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(SRC, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(ROOT, path.dirname(from), specifier);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(ROOT, candidate).split(path.sep).join("/");
  }
  // Unresolved but local (a generated file not built yet): keep the path so the rules still see its layer.
  return path.relative(ROOT, base).split(path.sep).join("/");
}

/** Comments could hold example imports; strip them (strings containing // are rare in import lines). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

export function importsOf(source: SourceFile): Import[] {
  const text = stripComments(source.text);
  const out: Import[] = [];
  for (const m of text.matchAll(STATIC)) {
    // `import { type A, type B } from` is type-only too: every name in braces is a type.
    const names = m[3]!.trim();
    const allTypes = /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(",").every((n) => n.trim() === "" || /^type\s/.test(n.trim()));
    out.push({ from: source.file, specifier: m[4]!, target: resolve(source.file, m[4]!), typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of text.matchAll(BARE)) out.push({ from: source.file, specifier: m[1]!, target: resolve(source.file, m[1]!), typeOnly: false });
  for (const m of text.matchAll(DYNAMIC)) out.push({ from: source.file, specifier: m[1]!, target: resolve(source.file, m[1]!), typeOnly: false });
  return out;
}

const under = (file: string | null, dir: string) => file !== null && (file === dir || file.startsWith(`${dir}/`) || file.startsWith(`${dir}.`));

/**
 * Layer rules: [rule, importer's folder, forbidden folders]. Type-only imports
 * are allowed across them: erased at build, they carry no code or data into
 * the browser bundle (the browser's AppRouter and report-model types).
 */
const LAYER_RULES: { rule: string; from: string[]; to: string[] }[] = [
  { rule: "src/lib and src/components import nothing from src/server", from: ["src/lib", "src/components"], to: ["src/server"] },
  { rule: "a component imports nothing from src/app", from: ["src/components"], to: ["src/app"] },
  { rule: "services import no door (trpc, http, app)", from: ["src/server/services"], to: ["src/server/trpc", "src/server/http", "src/app"] },
  { rule: "the database layer imports no service", from: ["src/server/db"], to: ["src/server/services"] },
];

export function layerViolations(imports: Import[]): Violation[] {
  const out: Violation[] = [];
  for (const imp of imports) {
    if (imp.typeOnly || imp.target === null) continue;
    for (const { rule, from, to } of LAYER_RULES) {
      if (from.some((dir) => under(imp.from, dir)) && to.some((dir) => under(imp.target, dir))) {
        out.push({ rule, file: imp.from, detail: `imports "${imp.specifier}"` });
      }
    }
  }
  return out;
}

/** The service area of a file: src/server/services/<area>/…; null outside services. */
function serviceArea(file: string | null): string | null {
  const m = file?.match(/^src\/server\/services\/([^/]+)\//);
  return m ? m[1]! : null;
}

/**
 * Cycles between service areas, each folder counted as one unit (type-only
 * imports included: a cycle of types still ties two areas together). Each
 * cycle is reported once, with one import per edge so it can be found.
 */
export function serviceCycles(imports: Import[]): Violation[] {
  const edges = new Map<string, Map<string, Import>>();
  for (const imp of imports) {
    const a = serviceArea(imp.from);
    const b = serviceArea(imp.target);
    if (!a || !b || a === b) continue;
    const out = edges.get(a) ?? new Map<string, Import>();
    if (!out.has(b)) out.set(b, imp);
    edges.set(a, out);
  }
  const seen = new Set<string>();
  const violations: Violation[] = [];
  const walk = (start: string, node: string, trail: string[]) => {
    for (const next of (edges.get(node) ?? new Map<string, Import>()).keys()) {
      if (next === start) {
        const cycle = [...trail, node];
        const key = [...cycle].sort().join(">");
        if (seen.has(key)) continue;
        seen.add(key);
        const steps = cycle.map((area, i) => {
          const to = cycle[(i + 1) % cycle.length]!;
          const edge = edges.get(area)!.get(to)!;
          return `${edge.from} → "${edge.specifier}"`;
        });
        violations.push({ rule: "no cycle between service areas", file: `services/${[...cycle, start].join(" → ")}`, detail: steps.join("; ") });
      } else if (!trail.includes(next) && next !== node && next > start) {
        walk(start, next, [...trail, node]);
      }
    }
  };
  for (const area of [...edges.keys()].sort()) walk(area, area, []);
  return violations;
}

/**
 * Where `process.env` may be read. env.ts is the server's one zod-checked
 * reader; the others run where env.ts cannot be imported (the browser, the
 * edge proxy before the server starts) and say why in their own header.
 */
export const ENV_READERS: Record<string, string> = {
  "src/server/env.ts": "the server's environment, checked by zod",
  "src/lib/runtime-env.ts": "the browser, the edge proxy and instrumentation's first line, which cannot import env.ts",
};

export function envViolations(files: SourceFile[]): Violation[] {
  return files
    .filter((f) => !Object.hasOwn(ENV_READERS, f.file) && /\bprocess\.env\b/.test(stripComments(f.text)))
    .map((f) => ({ rule: "process.env is read only through src/server/env.ts", file: f.file, detail: "reads process.env" }));
}

export function allViolations(files = sourceFiles()): Violation[] {
  const imports = files.flatMap(importsOf);
  return [...layerViolations(imports), ...serviceCycles(imports), ...envViolations(files)];
}
