// The demo region's address directory: the synthetic ГАР extract in
// prisma/seed/gar/99 (written by tools/addresses/synthetic-gar.ts), loaded
// when the directory is empty — a directory loaded from a real extract
// (npm run gar:load) is never replaced by the demo one.
import path from "node:path";
import type { PrismaClient } from "../../src/server/generated/prisma/client";
import { loadGarFolder } from "../../src/server/services/addresses/gar-load";

export const DEMO_GAR_FOLDER = path.join(import.meta.dirname, "gar", "99");

export async function seedDemoAddresses(db: PrismaClient): Promise<boolean> {
  if (await db.addressObject.findFirst({ select: { objectId: true } })) return false;
  await loadGarFolder(db, DEMO_GAR_FOLDER);
  return true;
}
