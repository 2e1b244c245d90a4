// `npm run db:check`: do the committed migrations produce exactly what
// prisma/schema.prisma describes, and do the definition files own every SQL
// function, trigger and view (tools/db/definitions-drift.ts)? Meant for CI, so
// that a schema change without its migration, an edited migration or a
// function redefined outside its file cannot be merged unnoticed.
import { findDefinitionDrift } from "./definitions-drift";
import { diffMigrationsToSchema } from "./schema-diff";

async function main() {
  const sql = await diffMigrationsToSchema();
  if (sql === null) {
    console.log("schema and migrations agree");
  } else {
    console.error(
      "prisma/schema.prisma and prisma/migrations disagree. Applying all migrations to an empty\n" +
        "database and then this SQL would give the schema (create a migration with\n" +
        "`npm run db:migrate:create -- <name>`):\n",
    );
    console.error(sql);
    process.exitCode = 1;
  }

  const problems = await findDefinitionDrift();
  if (problems.length === 0) {
    console.log("every function, trigger and view is defined once, in its definition file");
  } else {
    console.error("\nThe definition files (src/server/db/definitions.ts) and the database disagree:");
    for (const problem of problems) console.error(`- ${problem}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
