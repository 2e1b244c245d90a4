// XLSX list of one organisation's learners with their current health state,
// for the Ministry of Health (HEALTH read; education officers never get it:
// they see aggregates only). Identity subset plus health, nothing from stage 3.
// Audited with the filters and the row count in the same transaction.
import ExcelJS from "exceljs";
import { healthRu } from "@/messages/health-ru";
import { programmesRu } from "@/messages/programmes-ru";
import { formatSnils } from "@/lib/validators";
import { decryptIdentity } from "../person/identity-fields";
import { formatDate } from "@/lib/format";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canExportHealthList } from "../../authz/permissions";
import { organisationScopeWhere } from "../../authz/scope";
import type { Db } from "../../db";
import { forbidden, notFound } from "../../errors";
import { day } from "../person/person-data";

const h = healthRu.learnerHealth;
const ovz = programmesRu.programmeVocab.ovzCategories as Record<string, string>;
export const HEALTH_LIST_HEADER = ["ФИО", "Дата рождения", "СНИЛС", "Класс", "Группа здоровья", "Физкультурная группа", "Инвалидность", "ОВЗ (адаптированная программа)", "Сведения от"];

export async function exportHealthList(db: Db, actor: Actor, filters: { organisationId: string; asOf: string }, ip: string | null) {
  if (!canExportHealthList(actor)) throw forbidden();
  const asOf = day(filters.asOf);
  const rows = await db.$transaction(async (tx) => {
    const org = await tx.organisation.findFirst({ where: { AND: [{ id: filters.organisationId }, organisationScopeWhere(actor.scope)] }, select: { id: true } });
    if (!org) throw notFound("Организация не найдена");
    const enrolments = await tx.enrolment.findMany({
      where: { organisationId: org.id, status: { in: ["ACTIVE", "PENDING_TRANSFER"] }, isBasic: true },
      orderBy: [{ grade: "asc" }, { classLetter: "asc" }, { learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }],
      select: {
        grade: true,
        classLetter: true,
        learner: {
          select: {
            id: true, lastName: true, firstName: true, middleName: true, birthDate: true, snilsEnc: true,
            healthRecords: { where: { recordedAt: { lte: asOf } }, orderBy: [{ recordedAt: "desc" }, { createdAt: "desc" }], include: { supersededBy: { select: { id: true } } } },
          },
        },
      },
    });
    const exported: string[] = [];
    const out = enrolments.flatMap(({ learner: row, grade, classLetter }) => {
      const learner = decryptIdentity("Learner", row);
      const current = learner.healthRecords.find((r) => !r.supersededBy);
      if (!current) return [];
      exported.push(learner.id);
      return [[
        [learner.lastName, learner.firstName, learner.middleName].filter(Boolean).join(" "),
        formatDate(learner.birthDate),
        learner.snils ? formatSnils(learner.snils) : "",
        grade === null ? "" : `${grade}${classLetter ?? ""}`,
        h.healthGroups[current.healthGroup],
        h.peGroups[current.peGroup],
        current.disability ? h.disabilities[current.disability] : "",
        current.needsAdaptedProgramme ? (current.ovzCategory ? ovz[current.ovzCategory] ?? current.ovzCategory : "—") : "",
        formatDate(current.recordedAt),
      ]];
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "health.export",
      entityType: "Organisation",
      entityId: org.id,
      details: { report: "list", format: "xlsx", filters: { organisationId: org.id, asOf: filters.asOf }, rows: out.length },
      learnerIds: exported,
    });
    return out;
  });
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Список");
  ws.addRow([`Сведения о здоровье обучающихся на ${formatDate(asOf)}`]);
  ws.addRow(HEALTH_LIST_HEADER).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 18));
  return { file: await workbook.xlsx.writeBuffer(), rows };
}
