// `npm run db:check`: do the committed migrations produce exactly what
// prisma/schema.prisma describes? Meant for CI, so that a schema change
// without its migration (or an edited migration) cannot be merged unnoticed.
import { diffMigrationsToSchema } from "./schema-diff";

async function main() {
  const sql = await diffMigrationsToSchema();
  if (sql === null) {
    console.log("schema and migrations agree");
    return;
  }
  console.error(
    "prisma/schema.prisma and prisma/migrations disagree. Applying all migrations to an empty\n" +
      "database and then this SQL would give the schema (create a migration with\n" +
      "`npm run db:migrate:create -- <name>`):\n",
  );
  console.error(sql);
  process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
