// Route handler bodies of the справка об обучении's files (issue 21): an issued
// справка as PDF (a re-print: the same number, audited as a read) and the
// register of issued справки as XLSX. Kept out of src/app so integration tests
// call them with a test database.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { ZStudyCertificateRegisterInput } from "@/lib/schemas/study-certificates";
import { canIssueStudyCertificates } from "../authz/permissions";
import type { Db } from "../db";
import { loadForPrint } from "../services/study-certificates/issue";
import { registerXlsx, studyCertificateRegister } from "../services/study-certificates/register";
import { renderCertificatePdf } from "../services/study-certificates/render-pdf";
import { XLSX_TYPE } from "../services/learners/import/workbook";
import { attachment, jsonError, NO_STORE } from "./route-actor";
import { routeDoor } from "./route-door";

/** The same check as the studyCertificates procedures and the register page. */
const door = (tag: string) => ({ tag, allowed: canIssueStudyCertificates }) as const;
const ZId = z.uuid();

/** GET /api/school/study-certificates/<id> → the справка's PDF. */
export const studyCertificatePdf = routeDoor<{ id: string }>(door("[study certificate]"), async (_req, ctx, { id }) => {
  if (!ZId.safeParse(id).success) return jsonError(404, "Справка не найдена");
  const cert = await loadForPrint(ctx.db, ctx.actor, id, ctx.ip);
  const file = await renderCertificatePdf(cert);
  const stamp = `${cert.number}-${cert.year}`;
  return new Response(new Uint8Array(file), {
    headers: { ...NO_STORE, "Content-Type": "application/pdf", "Content-Disposition": attachment(`Справка об обучении № ${stamp}.pdf`, `study-certificate_${stamp}.pdf`) },
  });
});

/** GET /api/school/study-certificates/register?from=&to= → the register's XLSX. */
export const studyCertificateRegisterXlsx = routeDoor(door("[study certificate register]"), async (req, ctx) => {
  const q = req.nextUrl.searchParams;
  const input = ZStudyCertificateRegisterInput.safeParse({ from: q.get("from") ?? "", to: q.get("to") ?? "" });
  if (!input.success) return jsonError(400, input.error.issues[0]!.message);
  const rows = await studyCertificateRegister(ctx.db, ctx.actor, input.data, ctx.ip, "xlsx");
  const file = await registerXlsx(rows, input.data);
  const stamp = `${input.data.from}_${input.data.to}`;
  return new Response(new Uint8Array(file), {
    headers: { ...NO_STORE, "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(`Журнал справок об обучении ${stamp}.xlsx`, `study-certificates_${stamp}.xlsx`) },
  });
});

/** The same handlers with a test database (integration tests). */
export const handleStudyCertificatePdf = (req: NextRequest, id: string, db?: Db) => studyCertificatePdf(req, { params: Promise.resolve({ id }) }, db);
export const handleStudyCertificateRegister = (req: NextRequest, db?: Db) => studyCertificateRegisterXlsx(req, undefined, db);
