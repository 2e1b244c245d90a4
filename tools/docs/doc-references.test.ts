// Docs as references (issue 20): every repository path and migration name
// that README.md, ARCHITECTURE.md and docs/**/*.md mention must exist, every
// internal link (anchors included) must resolve, and no document may point
// outside the repository. Fix the document, not this test; a path that is
// deliberately a pattern goes into PATTERNS below with its reason.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Paths that are patterns on purpose. Each still has to match at least one existing file. */
const PATTERNS: Record<string, string> = {
  "prisma/migrations/<timestamp>_<name>/migration.sql": "Prisma's layout of a migration, described in general",
  "src/server/trpc/fuzz/procedures-{a,b}.integration.test.ts": "the two halves of the fuzz suite",
  "src/server/http/api-v1/*.integration.test.ts": "all of the API's integration tests",
  "src/messages/shell-*.ts": "the page titles in every language",
};

/** Top-level directories whose paths are checked when a document names them. */
const ROOT_DIRS = ["src", "prisma", "tools", "e2e", "docs", ".ci", "public"];
/** Files at the repository's root that documents name without a directory. */
const ROOT_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.js",
  "vitest.config.ts",
  "playwright.config.ts",
  "tsconfig.json",
  "prisma.config.ts",
  "tailwind.config.ts",
  "postcss.config.mjs",
  ".env.example",
  "README.md",
  "ARCHITECTURE.md",
];

function docFiles(): string[] {
  const out = ["README.md", "ARCHITECTURE.md"].filter((f) => fs.existsSync(path.join(root, f)));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".md")) out.push(rel);
    }
  };
  walk("docs");
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!.replace(/`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

const migrations = fs.readdirSync(path.join(root, "prisma/migrations")).filter((m) => /^\d{14}_/.test(m));

function globMatches(pattern: string): boolean {
  const alternatives = pattern.replace(/\{([^}]*)\}/g, (_, list: string) => `(${list.split(",").join("|")})`);
  const regex = new RegExp(
    `^${alternatives
      .replace(/[.+^$[\]\\]/g, "\\$&")
      .replace(/<[^>]+>/g, "[^/]+")
      .replace(/\*/g, "[^/]*")}$`,
  );
  const base = pattern.split("/").findIndex((part) => /[<*{]/.test(part));
  const dir = pattern.split("/").slice(0, base).join("/");
  const found: string[] = [];
  const walk = (rel: string, depth: number) => {
    if (depth > 3) return;
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      found.push(child);
      if (entry.isDirectory()) walk(child, depth + 1);
    }
  };
  walk(dir, 0);
  return found.some((f) => regex.test(f));
}

interface Problem {
  file: string;
  line: number;
  what: string;
}

function check(): Problem[] {
  const problems: Problem[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsFor = (rel: string) => {
    if (!anchorCache.has(rel)) anchorCache.set(rel, anchorsOf(fs.readFileSync(path.join(root, rel), "utf8")));
    return anchorCache.get(rel)!;
  };
  const pathRe = new RegExp(
    `(?:^|[\\s(\`"'=\\[,])((?:${ROOT_DIRS.map((d) => d.replace(".", "\\.")).join("|")})/[^\\s\`'")]*|(?:${ROOT_FILES.map((f) => f.replace(/\./g, "\\.")).join("|")})(?![\\w.-]))`,
    "g",
  );
  for (const file of docFiles()) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const dir = path.dirname(path.join(root, file));
    const lines = text.split("\n");
    let fenced = false;
    lines.forEach((line, i) => {
      const at = (what: string) => problems.push({ file, line: i + 1, what });
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return;
      }
      // Nothing outside the repository: no link or path climbs above its root, no absolute host path.
      for (const m of line.matchAll(/(?:\.\.\/)+[\w.-]+/g)) {
        const resolved = path.resolve(dir, m[0]);
        if (!resolved.startsWith(root + path.sep)) at(`points outside the repository: ${m[0]}`);
      }
      if (/(?:^|[\s(`])\/work\//.test(line)) at("points outside the repository: an absolute /work/ path");

      // Links: the file exists, the anchor is one of its headings.
      if (!fenced)
        for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = m[1]!;
          if (/^(https?:|mailto:)/.test(target)) continue;
          const [filePart, anchor] = target.split("#") as [string, string | undefined];
          const abs = filePart ? path.resolve(dir, filePart) : path.join(root, file);
          if (!abs.startsWith(root + path.sep)) continue; // reported above
          if (!fs.existsSync(abs)) {
            at(`link to a missing file: ${target}`);
            continue;
          }
          if (anchor !== undefined && abs.endsWith(".md") && !anchorsFor(path.relative(root, abs)).has(anchor))
            at(`link to a missing heading: ${target}`);
        }

      // Repository paths in backticks, links and the code pictures.
      const spans = fenced ? [line] : [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).concat([...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!));
      for (const span of spans)
        for (const m of span.matchAll(pathRe)) {
          let ref = m[1]!.replace(/[.,;:]+$/, "").split("#")[0]!;
          if (/[<*{…]/.test(ref)) {
            if (!(ref in PATTERNS)) at(`a pattern path not in the allowlist: ${ref}`);
            else if (!globMatches(ref)) at(`an allowlisted pattern that matches nothing: ${ref}`);
            continue;
          }
          if (!fs.existsSync(path.join(root, ref))) at(`missing path: ${ref}`);
        }

      // Migration names: full folder names, "…_name" and "migration `name`".
      for (const m of line.matchAll(/\b(\d{14}_[a-z0-9_]+)/g))
        if (!migrations.includes(m[1]!)) at(`missing migration: ${m[1]}`);
      for (const m of line.matchAll(/`…_([a-z0-9_]+)`/g))
        if (!migrations.some((name) => name.endsWith(`_${m[1]}`))) at(`missing migration: …_${m[1]}`);
      for (const m of line.matchAll(/migrations?\s+`?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`?/g))
        if (!migrations.some((name) => name.endsWith(`_${m[1]}`))) at(`missing migration: ${m[1]}`);
    });
  }
  return problems;
}

describe("documentation references", () => {
  it("finds the documents", () => {
    expect(docFiles()).toEqual(expect.arrayContaining(["README.md", "ARCHITECTURE.md", "docs/domain.md"]));
  });

  it("recognises what it checks", () => {
    expect(anchorsOf("# Access: roles, stages, scopes\n## Two commands\n## Two commands\n```\n# not a heading\n```")).toEqual(
      new Set(["access-roles-stages-scopes", "two-commands", "two-commands-1"]),
    );
    expect(globMatches("src/messages/shell-*.ts")).toBe(true);
    expect(globMatches("src/messages/no-such-*.ts")).toBe(false);
  });

  it("every path, migration and link the documents name exists and stays inside the repository", () => {
    const problems = check().map((p) => `${p.file}:${p.line}: ${p.what}`);
    expect(problems).toEqual([]);
  });
});
