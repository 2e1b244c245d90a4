// Migrates PGlite once per run (or reuses the snapshot of an earlier run with
// the same migrations): each integration test file opens a copy of it.
import type { TestProject } from "vitest/node";
import { ensurePgliteSnapshot } from "./migrated-template";

export default async function setup(project: TestProject) {
  project.provide("pgliteSnapshot", await ensurePgliteSnapshot());
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the migrated PGlite data directory tarball (migrated-template.ts). */
    pgliteSnapshot: string;
  }
}
