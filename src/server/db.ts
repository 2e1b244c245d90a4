// The one database module: one Prisma client per process, talking either to
// the embedded PGlite database (default) or to a PostgreSQL server.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./db/target";

export type Db = PrismaClient;
/** A client or an interactive-transaction client: what services accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DatabaseHandle {
  prisma: PrismaClient;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget = resolveDatabaseTarget()): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return { prisma, target, close: () => prisma.$disconnect() };
  }
  if (target.dataDir !== "memory://") fs.mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir);
  return openPglite(pglite, target);
}

export function openPglite(pglite: PGlite, target: DatabaseTarget = { kind: "pglite", dataDir: "memory://" }): DatabaseHandle {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    target,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// Survives Next's module reloading in development; PGlite allows one
// process-wide owner of its data directory, so there must be exactly one.
const globalForDb = globalThis as unknown as { kontingentDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened on first use. */
export function getDb(): Promise<PrismaClient> {
  globalForDb.kontingentDb ??= openDatabase().then((handle) => {
    const close = () => void handle.close();
    process.once("beforeExit", close);
    return handle;
  });
  return globalForDb.kontingentDb.then((handle) => handle.prisma);
}
