// Period and final marks pushed by an e-journal. Each row stands alone: a bad
// row or a learner outside the journal's organisation is refused with a
// reason, the rest are written — all in the caller's one transaction, with
// the audit record. Idempotent by the journal's own record id: the same
// content again is a duplicate; changed content is a correction, a new
// SubjectGrade superseding the earlier one (the portfolio's correction rule).
// The subject is the vocabulary's (by code, or by its exact name for older
// journals); an unknown one refuses the row with an issue on `subject`.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { canonicalJson } from "../../audit/hash";
import { GRADE_ROW_REASONS, ZApiGradeRow, type ApiGradeRow, type ApiGradeRowResult, type ZApiGradeBatchResult } from "@/lib/schemas/api/ejournal";
import { learnersHeldBy, learnersTaughtBy } from "../../authz/relationship";
import type { DbTx } from "../../db";
import type { MachineClientActor } from "../machine-clients/authenticate";
import { answer, type ApiServiceResult } from "./api-result";
import { subjectResolver, type SubjectRef } from "../subjects/resolve-subject";

type Reason = (typeof GRADE_ROW_REASONS)[number];

const REASONS: Record<Reason, { ru: string; en: string }> = {
  INVALID_ROW: { ru: "Строка заполнена неверно", en: "The row is invalid" },
  LEARNER_NOT_IN_ORGANISATION: { ru: "Обучающийся не числится в вашей организации", en: "The learner is not enrolled in your organisation" },
  RECORD_LEARNER_MISMATCH: {
    ru: "Запись журнала уже относится к другому обучающемуся, году, предмету или периоду: передайте новую запись",
    en: "This journal record already belongs to another learner, year, subject or period: send a new record id",
  },
  DUPLICATE_IN_BATCH: { ru: "Запись с этим идентификатором уже есть в этом пакете", en: "This record id occurs earlier in the same batch" },
};

const refused = (index: number, journalRecordId: string | null, code: Reason, issues?: { path: string; message: string }[]): ApiGradeRowResult => ({
  index,
  journalRecordId,
  status: "refused",
  reason: { code, message: REASONS[code], ...(issues ? { issues } : {}) },
});

// The subject's name in lower case, as before the vocabulary: a record sent again by
// code after being sent by name (or the reverse) is still the same content.
const contentHash = (row: ApiGradeRow, subject: SubjectRef) =>
  createHash("sha256")
    .update(canonicalJson([row.learnerId, row.academicYear, subject.name.toLocaleLowerCase("ru"), row.period, row.mark ?? null, row.credit ?? null]))
    .digest("hex");

const sameSlot = (a: { learnerId: string; academicYear: number; subject: string; subjectId: string | null; period: string }, b: ApiGradeRow, subject: SubjectRef) =>
  a.learnerId === b.learnerId &&
  a.academicYear === b.academicYear &&
  a.period === b.period &&
  (a.subjectId ? a.subjectId === subject.id : a.subject.toLocaleLowerCase("ru") === subject.name.toLocaleLowerCase("ru"));

const UNKNOWN_SUBJECT = "Предмета нет в справочнике: передайте его код (например, MATH) или точное название из справочника";

/** The mark currently in force in a correction chain that starts at the learner's `gradeId`. */
async function chainHead(tx: DbTx, learnerId: string, gradeId: string) {
  // A chain never leaves its learner (the correction key is (learnerId, supersedesId)).
  let current = await tx.subjectGrade.findUniqueOrThrow({
    where: { learnerId_id: { learnerId, id: gradeId } },
    select: { id: true, learnerId: true, academicYear: true, subject: true, subjectId: true, period: true, supersededBy: { select: { id: true } } },
  });
  while (current.supersededBy) {
    current = await tx.subjectGrade.findUniqueOrThrow({
      where: { learnerId_id: { learnerId, id: current.supersededBy.id } },
      select: { id: true, learnerId: true, academicYear: true, subject: true, subjectId: true, period: true, supersededBy: { select: { id: true } } },
    });
  }
  return current;
}

/** `own`: the organisation only teaches the learner in an additional programme, so its marks are a slot of their own. */
async function writeRow(tx: DbTx, client: MachineClientActor, index: number, row: ApiGradeRow, subject: SubjectRef, own: boolean): Promise<ApiGradeRowResult> {
  const hash = contentHash(row, subject);
  const previous = await tx.journalGrade.findFirst({
    where: { clientId: client.id, journalRecordId: row.journalRecordId },
    orderBy: { createdAt: "desc" },
    select: { learnerId: true, subjectGradeId: true, contentHash: true },
  });
  let supersedes: string | null = null;
  if (previous) {
    const head = await chainHead(tx, previous.learnerId, previous.subjectGradeId);
    if (!sameSlot(head, row, subject)) return refused(index, row.journalRecordId, "RECORD_LEARNER_MISMATCH");
    if (previous.contentHash === hash) return { index, journalRecordId: row.journalRecordId, status: "duplicate", gradeId: previous.subjectGradeId };
    supersedes = head.id;
  } else {
    // A mark already in force for the slot (typed at school, or another record) is corrected, not doubled;
    // an additional programme's journal never supersedes another organisation's marks.
    const current = await tx.subjectGrade.findFirst({
      where: { learnerId: row.learnerId, ...(own ? { organisationId: client.organisationId! } : {}), academicYear: row.academicYear, subjectId: subject.id, period: row.period, supersededBy: null },
      select: { id: true },
    });
    supersedes = current?.id ?? null;
  }
  const grade = await tx.subjectGrade.create({
    data: {
      learnerId: row.learnerId,
      organisationId: client.organisationId!,
      academicYear: row.academicYear,
      subject: subject.name,
      subjectId: subject.id,
      period: row.period,
      mark: row.mark ?? null,
      credit: row.credit ?? null,
      supersedesId: supersedes,
      // No User wrote it: the creator is the machine client (see JournalGrade for the record id).
      createdById: client.id,
    },
    select: { id: true },
  });
  await tx.journalGrade.create({
    data: { subjectGradeId: grade.id, clientId: client.id, journalRecordId: row.journalRecordId, learnerId: row.learnerId, contentHash: hash },
  });
  return { index, journalRecordId: row.journalRecordId, status: "accepted", gradeId: grade.id, ...(supersedes ? { supersededGradeId: supersedes } : {}) };
}

export async function pushJournalGrades(
  tx: DbTx,
  client: MachineClientActor,
  rawRows: unknown[],
): Promise<ApiServiceResult<z.infer<typeof ZApiGradeBatchResult>>> {
  const parsed = rawRows.map((raw) => ZApiGradeRow.safeParse(raw));
  const learnerIds = [...new Set(parsed.flatMap((p) => (p.success ? [p.data.learnerId] : [])))];
  const ids = async (where: object) => new Set((await tx.learner.findMany({ where: { id: { in: learnerIds }, ...where }, select: { id: true } })).map((l) => l.id));
  // Held (basic programme) or taught in an additional programme: the two relationships that may send marks.
  const held = await ids(learnersHeldBy(client.organisationId!));
  const taught = await ids(learnersTaughtBy(client.organisationId!));
  const resolve = await subjectResolver(tx);
  const seen = new Set<string>();
  const results: ApiGradeRowResult[] = [];
  for (const [index, p] of parsed.entries()) {
    if (!p.success) {
      const raw = rawRows[index] as { journalRecordId?: unknown } | null;
      const recordId = typeof raw?.journalRecordId === "string" ? raw.journalRecordId.slice(0, 100) : null;
      const issues = p.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      results.push(refused(index, recordId, "INVALID_ROW", issues));
      continue;
    }
    const row = p.data;
    const subject = resolve(row.subject);
    if (!subject) results.push(refused(index, row.journalRecordId, "INVALID_ROW", [{ path: "subject", message: UNKNOWN_SUBJECT }]));
    else if (seen.has(row.journalRecordId)) results.push(refused(index, row.journalRecordId, "DUPLICATE_IN_BATCH"));
    else if (!taught.has(row.learnerId)) results.push(refused(index, row.journalRecordId, "LEARNER_NOT_IN_ORGANISATION"));
    else results.push(await writeRow(tx, client, index, row, subject, !held.has(row.learnerId)));
    seen.add(row.journalRecordId);
  }
  const count = (status: ApiGradeRowResult["status"]) => results.filter((r) => r.status === status).length;
  const touched = [...new Set(parsed.flatMap((p, i) => (p.success && results[i]!.status !== "refused" ? [p.data.learnerId] : [])))];
  const refusedReasons = Object.fromEntries(GRADE_ROW_REASONS.map((r) => [r, results.filter((x) => x.reason?.code === r).length]).filter(([, n]) => n));
  const body = { accepted: count("accepted"), duplicate: count("duplicate"), refused: count("refused"), results };
  return answer(body, touched, { rows: rawRows.length, accepted: body.accepted, duplicate: body.duplicate, refused: body.refused, refusedReasons });
}
