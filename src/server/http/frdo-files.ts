// Route handler body of the ФИС ФРДО file (issued certificates for the
// federal register). Kept out of src/app so integration tests can call it
// with a test database. The same check as frdo.check: a school for its own
// certificates, the ministry within its municipality or region.
import type { NextRequest } from "next/server";
import { asciiFileName, readableFileName } from "@/lib/file-name";
import { canExportFrdo } from "../authz/permissions";
import type { Db } from "../db";
import { exportFrdo } from "../services/frdo/frdo-export";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";

const door = { tag: "[frdo export]", allowed: canExportFrdo, scopes: ["ORGANISATION", "MUNICIPALITY", "REGION"] } as const;

/**
 * GET /api/frdo?from=YYYY-MM-DD&to=YYYY-MM-DD&municipalityId=&organisationId= → XLSX.
 * X-Frdo-Exported and X-Frdo-Failed carry the counts: certificates in the file,
 * and those the mandatory-field check left out (listed on the page).
 */
export const frdoExport = routeDoor(door, async (req, ctx) => {
  const q = req.nextUrl.searchParams;
  const text = (name: string) => q.get(name)?.trim() || undefined;
  const input = { from: text("from"), to: text("to"), municipalityId: text("municipalityId"), organisationId: text("organisationId") };
  const { file, territory, exported, failed } = await exportFrdo(ctx.db, ctx.actor, input, ctx.ip);
  const stamp = `${input.from}_${input.to}`;
  return new Response(new Uint8Array(file), {
    headers: {
      ...NO_STORE,
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": attachment(`${readableFileName(`ФИС ФРДО аттестаты — ${territory} — ${stamp}`)}.xlsx`, `frdo_${asciiFileName(territory)}_${stamp}.xlsx`),
      "X-Frdo-Exported": String(exported),
      "X-Frdo-Failed": String(failed),
    },
  });
});

/** The same handler with a test database (integration tests). */
export const handleFrdoExport = (req: NextRequest, db?: Db) => frdoExport(req, undefined, db);
