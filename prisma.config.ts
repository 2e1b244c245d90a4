// Prisma CLI configuration. The runtime client does not read this file: it is
// built in src/server/db.ts with a driver adapter (PostgreSQL or PGlite).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Only the native `prisma migrate` commands use this; our own tools
    // (tools/db/*) resolve the database the same way the app does.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/kontingent",
  },
});
