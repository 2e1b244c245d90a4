// Shared by create-migration and check-drift: what SQL would turn the database
// that our migrations produce into the one prisma/schema.prisma describes?
//
// Prisma's native schema engine is not downloadable here, so we use its Wasm
// build (@prisma/schema-engine-wasm, same engine commit as the prisma CLI)
// through a driver adapter on an in-memory PGlite. The database is built with
// our own runner (src/server/db/migrate.ts), i.e. exactly as `db:migrate`
// builds real databases, and the engine diffs it against the datamodel. That
// is what `prisma migrate dev` computes with its shadow database. We do not
// use the engine's createMigration: in the Wasm build it refuses to run
// without a prior devDiagnostic (which attaches the shadow database), and
// that in turn reports drift unless the main database holds the engine's own
// migration history, so diff is the simpler and sturdier path.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "../../src/server/db/migrate";
import { DEFINITIONS_TABLE } from "../../src/server/db/repeatable";
import { pgliteConnection } from "../../src/server/db/sql";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

let engineModule: Promise<typeof wasmBindings> | undefined;

// The package's entry point does `import * as wasm from "./x.wasm"` (bundler
// style), which plain Node cannot load; instantiate the module ourselves and
// hand it to the generated bindings, which is all that entry point does.
function loadSchemaEngine(): Promise<typeof wasmBindings> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bytes = fs.readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return wasmBindings;
  })();
  return engineModule;
}

async function adapterFor(db: PGlite): Promise<SqlDriverAdapter> {
  const adapter = (await new PrismaPGlite(db).connect()) as unknown as SqlDriverAdapter;
  // pglite-prisma-adapter 0.7.2 calls db.exec(script) without awaiting it, so
  // a failing script would look successful to the engine. Await it.
  adapter.executeScript = async (script: string) => {
    await db.exec(script);
  };
  return adapter;
}

/** Main database = the given PGlite; shadow = one in-memory PGlite, reused and closed by us. */
class PGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-prisma-adapter";
  private shadow: PGlite | undefined;
  constructor(private readonly db: PGlite) {}
  connect() {
    return adapterFor(this.db);
  }
  async connectToShadowDb() {
    // The adapter's own version opens a new database per call and never closes it.
    this.shadow ??= await PGlite.create("memory://");
    return adapterFor(this.shadow);
  }
  async close() {
    await this.shadow?.close();
  }
}

/**
 * Applies every migration in `migrationsDir` to an empty in-memory PGlite and
 * returns the SQL that would bring it to `schemaPath`, or null if they agree.
 * Triggers, functions and CHECK constraints are invisible to Prisma's differ,
 * so hand-written ones never show up here (definitions-drift.ts checks the
 * functions, triggers and views).
 */
export async function diffMigrationsToSchema(
  migrationsDir = MIGRATIONS_DIR,
  schemaPath = SCHEMA_PATH,
): Promise<string | null> {
  const files = [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];
  const { SchemaEngine } = await loadSchemaEngine();
  const db = await PGlite.create("memory://");
  const factory = new PGliteFactory(db);
  try {
    await applyMigrations(pgliteConnection(db), { migrationsDir, log: () => undefined });
    const engineLog = (line: string) => {
      if (process.env.DEBUG) console.error(line);
    };
    const engine = await SchemaEngine.new(
      { datamodels: files.map((f): [string, string] => [f.path, f.content]) },
      engineLog,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        // exitCode: 2 when there is a difference, 0 when there is none (the
        // script then only says "-- This is an empty migration.").
        exitCode: true,
        // The definition files' bookkeeping is the runner's, like _prisma_migrations.
        filters: { externalTables: [`public.${DEFINITIONS_TABLE}`], externalEnums: [] },
      });
      return result.exitCode === 2 ? (result.stdout ?? "") : null;
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
    await db.close();
  }
}
