// The definitions part of `npm run db:check` (definitions-drift.ts), on small
// repositories of our own: each failure it must report, and silence when the
// files own everything. The check builds its own in-memory PGlite, so it runs
// in the PGlite project only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { findDefinitionDrift } from "./definitions-drift";

vi.setConfig({ testTimeout: 60_000 });

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const TABLE = `CREATE TABLE "t" (id int);\n`;
const FN = `CREATE OR REPLACE FUNCTION "f"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;\n`;
const TRIGGER = `CREATE OR REPLACE TRIGGER "t_f" AFTER INSERT ON "t" FOR EACH STATEMENT EXECUTE FUNCTION "f"();\n`;

/** Migrations (by name) and definition files (by path); the baseline is the first migration. */
async function drift(migrations: Record<string, string>, files: Record<string, string>): Promise<string[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kt-drift-"));
  roots.push(root);
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(root, "migrations", name), { recursive: true });
    fs.writeFileSync(path.join(root, "migrations", name, "migration.sql"), sql);
  }
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), sql);
  }
  return findDefinitionDrift({
    migrationsDir: path.join(root, "migrations"),
    root,
    files: Object.keys(files),
    lastMigrationBefore: Object.keys(migrations).sort()[0]!,
  });
}

describe.skipIf(process.env.TEST_DATABASE === "postgres")("definition drift check", () => {
  it("is silent when each object is in exactly one file, history included", async () => {
    // The history migration defined f itself, differently: the file wins.
    const history = TABLE + FN.replace("RETURN NULL;", "RETURN NULL; /* old */");
    expect(await drift({ "20000101000000_t": history + TRIGGER }, { "defs/f.sql": FN + TRIGGER })).toEqual([]);
  });

  it("reports an object that no file defines", async () => {
    const orphan = `CREATE FUNCTION "orphan"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n`;
    const problems = await drift({ "20000101000000_t": TABLE + orphan }, { "defs/f.sql": FN + TRIGGER });
    expect(problems).toEqual([expect.stringMatching(/^function orphan\(\) is defined in no definition file/)]);
  });

  it("reports an object defined in two files", async () => {
    const problems = await drift({ "20000101000000_t": TABLE }, { "defs/f.sql": FN + TRIGGER, "defs/g.sql": FN });
    expect(problems).toEqual([expect.stringMatching(/^function f\(\) is defined in 2 files \(defs\/f\.sql, defs\/g\.sql\)/)]);
  });

  it("reports a later migration that redefines an object behind its file's back", async () => {
    const problems = await drift(
      { "20000101000000_t": TABLE, "20000102000000_sneaky": FN.replace("RETURN NULL;", "RETURN NULL; /* sneaky */") },
      { "defs/f.sql": FN + TRIGGER },
    );
    expect(problems).toEqual([expect.stringMatching(/re-applying defs\/f\.sql changes function f\(\): a migration after 20000101000000_t redefined it/)]);
  });

  it("reports a later migration that drops an object its file still defines", async () => {
    const problems = await drift(
      { "20000101000000_t": TABLE, "20000102000000_drop": `DROP TRIGGER "t_f" ON "t";\n` },
      { "defs/f.sql": FN + TRIGGER },
    );
    expect(problems).toEqual([expect.stringMatching(/re-applying defs\/f\.sql changes trigger t_f on t: .* dropped it/)]);
  });

  it("accepts a later migration that drops an object its file no longer defines", async () => {
    const problems = await drift(
      { "20000101000000_t": TABLE + FN + TRIGGER, "20000102000000_drop": `DROP TRIGGER "t_f" ON "t";\n` },
      { "defs/f.sql": FN },
    );
    expect(problems).toEqual([]);
  });

  it("reports a trigger whose name is not written in its file", async () => {
    const loop = `DO $$ BEGIN EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON "t" FOR EACH STATEMENT EXECUTE FUNCTION "f"()', 't' || '_f'); END $$;\n`;
    const problems = await drift({ "20000101000000_t": TABLE }, { "defs/f.sql": FN + loop });
    expect(problems).toEqual([expect.stringMatching(/^trigger t_f on t is created by defs\/f\.sql, but its name is not written there/)]);
  });
});
