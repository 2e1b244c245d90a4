// Probes the PostgreSQL server once. Unreachable → the PostgreSQL integration
// project skips (a developer without a server still runs the PGlite one);
// CI sets REQUIRE_POSTGRES=1 so that a missing server fails instead.
// Reachable → migrates one template database for the whole run: each test
// file's database is a `CREATE DATABASE … TEMPLATE` copy of it (throwaway-db.ts),
// and the template is dropped when the run ends.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPostgresTemplate } from "./migrated-template";

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  let reachable = false;
  try {
    await client.connect();
    reachable = true;
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL at ${ADMIN_URL} is required: ${error}`);
    console.warn(`PostgreSQL at ${ADMIN_URL} unreachable: PostgreSQL integration tests skipped.`);
  } finally {
    await client.end().catch(() => {});
  }
  project.provide("postgresReachable", reachable);
  if (!reachable) return;
  const template = await createPostgresTemplate(ADMIN_URL);
  project.provide("postgresTemplate", template.name);
  return () => template.drop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresReachable: boolean;
    /** The migrated template database of this run (migrated-template.ts). */
    postgresTemplate: string;
  }
}
