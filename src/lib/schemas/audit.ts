// Audit log browsing filters, shared by the auditor's page and the server.
import { z } from "zod";
import { isAuditAction } from "@/lib/audit-actions";

const zDay = z.iso.date("Дата в формате ГГГГ-ММ-ДД");

export const ZListAuditInput = z
  .object({
    login: z.string().trim().max(64).optional(),
    /** A code of the catalogue (src/lib/audit-actions.ts). */
    action: z.string().trim().max(64).refine(isAuditAction, "Неизвестное действие журнала").optional(),
    /** Inclusive calendar days in the region's time zone (KONTINGENT_TIME_ZONE). */
    from: zDay.optional(),
    to: zDay.optional(),
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "Начало периода позже конца", path: ["to"] });
export type ListAuditInput = z.infer<typeof ZListAuditInput>;
