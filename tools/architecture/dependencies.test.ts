// The dependency direction of src/ (issue 20; ARCHITECTURE.md, "Layers and
// what each may import"), checked on every unit run. A failure names the file
// and the import: move the shared piece down (a lower module both import)
// rather than adding an exception here.
import { describe, expect, it } from "vitest";
import { allViolations, envViolations, importsOf, layerViolations, serviceCycles, sourceFiles, type SourceFile } from "./dependencies";

const fake = (file: string, text: string): SourceFile => ({ file, text });

describe("dependency direction of src/", () => {
  const files = sourceFiles();

  it("reads the whole tree", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.some((f) => f.file === "src/server/env.ts")).toBe(true);
  });

  it("holds every rule", () => {
    const lines = allViolations(files).map((v) => `${v.rule}: ${v.file} ${v.detail}`);
    expect(lines).toEqual([]);
  });
});

// The checker itself, on made-up files: each rule must catch its violation.
describe("the checker", () => {
  it("reads static, re-export, multi-line and dynamic imports; type-only ones are marked", () => {
    const imports = importsOf(
      fake(
        "src/components/x.tsx",
        [
          'import type { AppRouter } from "@/server/trpc/root";',
          'import { a, type B } from "../lib/format";',
          'import {\n  c,\n  d,\n} from "@/server/db";',
          'export { e } from "./y";',
          'const f = await import("@/server/env");',
          '// import { g } from "@/server/commented-out";',
        ].join("\n"),
      ),
    );
    expect(imports.map((i) => [i.specifier, i.typeOnly])).toEqual([
      ["@/server/trpc/root", true],
      ["../lib/format", false],
      ["@/server/db", false],
      ["./y", false],
      ["@/server/env", false],
    ]);
  });

  it("refuses a component or lib module importing server code or a page; allows types", () => {
    const imports = [
      ...importsOf(fake("src/components/a.tsx", 'import { getDb } from "@/server/db";\nimport type { Actor } from "@/server/auth/actor";')),
      ...importsOf(fake("src/lib/b.ts", 'import { serverEnv } from "../server/env";')),
      ...importsOf(fake("src/components/c.tsx", 'import { period } from "@/app/ministry/movement/period";')),
    ];
    expect(layerViolations(imports).map((v) => `${v.file} ${v.detail}`)).toEqual([
      'src/components/a.tsx imports "@/server/db"',
      'src/lib/b.ts imports "../server/env"',
      'src/components/c.tsx imports "@/app/ministry/movement/period"',
    ]);
  });

  it("refuses a service importing a door and the database layer importing a service", () => {
    const imports = [
      ...importsOf(fake("src/server/services/learners/x.ts", 'import { router } from "../../trpc/init";')),
      ...importsOf(fake("src/server/services/learners/y.ts", 'import { routeDoor } from "@/server/http/route-door";')),
      ...importsOf(fake("src/server/db/z.ts", 'import { flushLearnerSummary } from "../services/summary/learner-summary";')),
    ];
    expect(layerViolations(imports).map((v) => v.rule)).toEqual([
      "services import no door (trpc, http, app)",
      "services import no door (trpc, http, app)",
      "the database layer imports no service",
    ]);
  });

  it("finds a cycle between service areas, however long, and names its imports", () => {
    const imports = [
      ...importsOf(fake("src/server/services/learners/a.ts", 'import { x } from "../movement/b";')),
      ...importsOf(fake("src/server/services/movement/b.ts", 'import { y } from "../health/c";')),
      ...importsOf(fake("src/server/services/health/c.ts", 'import type { Z } from "../learners/a";')),
      ...importsOf(fake("src/server/services/reports/d.ts", 'import { w } from "../health/c";')),
    ];
    const cycles = serviceCycles(imports);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.file).toBe("services/health → learners → movement → health");
    expect(cycles[0]!.detail).toContain('src/server/services/movement/b.ts → "../health/c"');
  });

  it("refuses process.env outside the named readers", () => {
    const found = envViolations([
      fake("src/server/db/target.ts", "const url = process.env.DATABASE_URL;"),
      fake("src/server/env.ts", "ZServerEnv.safeParse(process.env)"),
      fake("src/lib/runtime-env.ts", 'process.env.NODE_ENV === "development"'),
      fake("src/server/crypto/keys.ts", "// process.env is read through env.ts"),
    ]);
    expect(found.map((v) => v.file)).toEqual(["src/server/db/target.ts"]);
  });
});
