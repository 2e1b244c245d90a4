// One database opened for a bulk load: Prisma and COPY on the same database.
// PGlite allows one instance per data directory, so both share it; on
// PostgreSQL, COPY goes through its own pg client.
import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import pg from "pg";
import { openDatabase, openPglite, type DatabaseHandle } from "../../src/server/db";
import type { DatabaseTarget } from "../../src/server/db/target";
import { pgliteBulkTarget, postgresBulkTarget, type BulkTarget } from "./copy";

export interface BulkDatabase extends DatabaseHandle {
  bulk: BulkTarget;
  postgres: boolean;
}

export async function openBulkDatabase(target: DatabaseTarget): Promise<BulkDatabase> {
  if (target.kind === "postgres") {
    const app = await openDatabase(target);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      ...app,
      bulk: postgresBulkTarget(client),
      postgres: true,
      async close() {
        await client.end();
        await app.close();
      },
    };
  }
  if (target.dataDir !== "memory://") fs.mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir);
  return { ...openPglite(pglite, target), bulk: pgliteBulkTarget(pglite), postgres: false };
}
