// A learner's portfolio (stage 3): achievements, state exams, grades and the
// school-leaving certificate. The school that holds the learner writes; readers
// of the stage read within their scope. Every read and write is audited with
// the learner id, in the same transaction.
import type { z } from "zod";
import { GRADE_PERIODS, type AddExamInput, type AddGradeInput, type CorrectGradeInput, type SetCertificateInput, type ZAddAchievementInput } from "@/lib/schemas/portfolio";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { relationshipAccess } from "../../authz/matrix";
import { recordsWhere, requireLearnerAccess } from "../../authz/relationship";
import type { Db, DbTx } from "../../db";
import { badRequest, conflict, forbidden, notFound } from "../../errors";
import { day } from "../person/person-data";
import { isUniqueViolation } from "../movement/record-event";
import { achievementSelect, certificateSelect, examSelect, gradeSelect, type Portfolio } from "./portfolio-views";
import { compareRu } from "@/lib/collation";
import { requireSubject } from "../subjects/resolve-subject";

type WriteKind = "achievement" | "exam" | "grade" | "gradeCorrection" | "certificate";

const PERIOD_ORDER = new Map<string, number>(GRADE_PERIODS.map((p, i) => [p, i]));

export async function getPortfolio(db: Db, actor: Actor, learnerId: string, ip: string | null): Promise<Portfolio> {
  return db.$transaction(async (tx) => {
    const relationship = await requireLearnerAccess(tx, actor, learnerId, "PORTFOLIO", "read");
    // A former or additional-programme school reads only what it wrote itself.
    const where = { learnerId, ...recordsWhere(actor.scope, relationship) };
    const [achievements, exams, gradeRows, certificates] = await Promise.all([
      tx.achievement.findMany({ where, select: achievementSelect, orderBy: [{ date: "desc" }, { createdAt: "desc" }] }),
      tx.examResult.findMany({ where, select: examSelect, orderBy: [{ year: "desc" }, { kind: "asc" }, { subject: "asc" }] }),
      tx.subjectGrade.findMany({ where, select: gradeSelect, orderBy: [{ academicYear: "desc" }, { subject: "asc" }, { createdAt: "asc" }] }),
      tx.certificate.findMany({ where, select: certificateSelect, orderBy: { level: "asc" } }),
    ]);
    // Within a year and subject: periods in journal order, a correction after what it corrects.
    const grades = gradeRows
      .map(({ supersededBy, ...g }) => ({ ...g, superseded: supersededBy !== null }))
      .sort((a, b) => b.academicYear - a.academicYear || compareRu(a.subject, b.subject) || (PERIOD_ORDER.get(a.period) ?? 99) - (PERIOD_ORDER.get(b.period) ?? 99));
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.portfolio.read",
      entityType: "Learner",
      entityId: learnerId,
      details: { relationship, achievements: achievements.length, exams: exams.length, grades: grades.length, certificates: certificates.length },
    });
    return { achievements, exams, grades, certificates };
  });
}

const WRITE_RIGHT: Record<WriteKind, "achievement" | "exam" | "grade" | "certificate"> = {
  achievement: "achievement",
  exam: "exam",
  grade: "grade",
  gradeCorrection: "grade",
  certificate: "certificate",
};

/**
 * Runs a write on a learner the caller's school holds, or teaches in an
 * additional programme for the kinds that relationship allows (achievements and
 * marks); NOT_FOUND without a relationship, FORBIDDEN otherwise. Audited.
 * `own` is true when the school may touch only rows it wrote itself.
 */
async function writePortfolio<T extends { id: string }>(
  db: Db,
  actor: Actor,
  ip: string | null,
  learnerId: string,
  kind: WriteKind,
  write: (tx: DbTx, organisationId: string, own: boolean) => Promise<T & { details?: Record<string, unknown> }>,
): Promise<{ id: string }> {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  const organisationId = actor.scope.organisationId;
  return db.$transaction(async (tx) => {
    const relationship = await requireLearnerAccess(tx, actor, learnerId, "PORTFOLIO", "write");
    const rights = relationshipAccess(relationship);
    if (!rights.portfolioWrites.includes(WRITE_RIGHT[kind])) throw forbidden();
    const { id, details } = await write(tx, organisationId, rights.records === "own");
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.portfolio.write",
      entityType: "Learner",
      entityId: learnerId,
      details: { kind, id, ...details },
    });
    return { id };
  });
}

export function addAchievement(db: Db, actor: Actor, input: z.infer<typeof ZAddAchievementInput>, ip: string | null) {
  const { learnerId, date, organiser, ...rest } = input;
  return writePortfolio(db, actor, ip, learnerId, "achievement", (tx, organisationId) =>
    tx.achievement.create({
      data: { ...rest, organiser: organiser ?? null, date: day(date), learnerId, organisationId, createdById: actor.id },
      select: { id: true },
    }),
  );
}

export function addExam(db: Db, actor: Actor, input: AddExamInput, ip: string | null) {
  const { learnerId, ...exam } = input;
  const scores =
    exam.kind === "EGE"
      ? { primaryScore: null, mark: null, testScore: exam.testScore }
      : { primaryScore: exam.primaryScore, mark: exam.mark, testScore: null };
  return writePortfolio(db, actor, ip, learnerId, "exam", async (tx, organisationId) => {
    const subject = await requireSubject(tx, exam.subjectId);
    const row = await tx.examResult.create({
      data: { kind: exam.kind, subject: subject.name, subjectId: subject.id, year: exam.year, ...scores, learnerId, organisationId, createdById: actor.id },
      select: { id: true },
    });
    return { ...row, details: { examKind: exam.kind, year: exam.year } };
  });
}

export function addGrade(db: Db, actor: Actor, input: AddGradeInput, ip: string | null) {
  const { learnerId, academicYear, period } = input;
  return writePortfolio(db, actor, ip, learnerId, "grade", async (tx, organisationId, own) => {
    const subject = await requireSubject(tx, input.subjectId);
    // An additional programme's marks are its own slot: they never collide with the basic school's.
    const current = await tx.subjectGrade.findFirst({
      where: { learnerId, ...(own ? { organisationId } : {}), academicYear, subjectId: subject.id, period, supersededBy: null },
      select: { id: true },
    });
    if (current) throw conflict("Отметка за этот период уже внесена: исправьте её в таблице", "period", { existingId: current.id });
    const row = await tx.subjectGrade.create({
      data: { learnerId, organisationId, academicYear, subject: subject.name, subjectId: subject.id, period, mark: input.mark ?? null, credit: input.credit ?? null, createdById: actor.id },
      select: { id: true },
    });
    return { ...row, details: { academicYear, period } };
  });
}

export async function correctGrade(db: Db, actor: Actor, input: CorrectGradeInput, ip: string | null) {
  const { learnerId, gradeId } = input;
  try {
    return await writePortfolio(db, actor, ip, learnerId, "gradeCorrection", async (tx, organisationId, own) => {
      const old = await tx.subjectGrade.findFirst({
        where: { id: gradeId, learnerId, ...(own ? { organisationId } : {}) },
        select: { academicYear: true, subject: true, subjectId: true, period: true, supersededBy: { select: { id: true } } },
      });
      if (!old) throw notFound("Отметка не найдена");
      if (old.supersededBy) throw conflict("Эта отметка уже исправлена: исправляйте действующую", "gradeId");
      const row = await tx.subjectGrade.create({
        data: {
          learnerId,
          organisationId,
          academicYear: old.academicYear,
          subject: old.subject,
          subjectId: old.subjectId,
          period: old.period,
          mark: input.mark ?? null,
          credit: input.credit ?? null,
          supersedesId: gradeId,
          createdById: actor.id,
        },
        select: { id: true },
      });
      return { ...row, details: { supersedesId: gradeId } };
    });
  } catch (error) {
    // Two corrections of one row at once: the unique supersedesId lets one through.
    if (isUniqueViolation(error)) throw conflict("Эта отметка уже исправлена: обновите страницу", "gradeId");
    throw error;
  }
}

const numberTaken = () => conflict("Аттестат с таким номером уже зарегистрирован", "number");

/** The CHECK that keeps an original's details off a certificate that is not a duplicate (its migration). */
const ORIGINAL_CHECK = "Certificate_original_only_duplicate";

/** The database refused a row by that CHECK: found in the error or its driver causes. */
function violatesOriginalCheck(error: unknown): boolean {
  const queue: unknown[] = [error];
  for (let n = 0; queue.length && n < 20; n++) {
    const node = queue.shift() as { code?: unknown; originalCode?: unknown; message?: unknown; originalMessage?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | null;
    if (!node || typeof node !== "object") continue;
    const checkCode = node.code === "23514" || node.originalCode === "23514";
    if (checkCode && [node.message, node.originalMessage].some((m) => typeof m === "string" && m.includes(ORIGINAL_CHECK))) return true;
    queue.push(node.cause, node.meta?.driverAdapterError);
  }
  return false;
}

/** One certificate per level per learner: setting it again replaces its details. */
export async function setCertificate(db: Db, actor: Actor, input: SetCertificateInput, ip: string | null) {
  const { learnerId, level, number, withHonours, duplicate, state } = input;
  const issuedAt = day(input.issuedAt);
  // Cleared on the form → cleared in the row (a reissue replaces every detail).
  const details = {
    number,
    series: input.series ?? null,
    registrationNumber: input.registrationNumber ?? null,
    issuedAt,
    withHonours,
    duplicate,
    state,
    // Not checked against `duplicate` here: the database's CHECK decides, mapped below.
    originalSeries: input.originalSeries ?? null,
    originalNumber: input.originalNumber ?? null,
    originalRegistrationNumber: input.originalRegistrationNumber ?? null,
    originalIssuedAt: input.originalIssuedAt ? day(input.originalIssuedAt) : null,
  };
  try {
    return await writePortfolio(db, actor, ip, learnerId, "certificate", async (tx, organisationId) => {
      const taken = await tx.certificateNumberClaim.findUnique({ where: { level_number: { level, number } }, select: { learnerId: true } });
      if (taken && taken.learnerId !== learnerId) throw numberTaken();
      const existing = await tx.certificate.findFirst({ where: { learnerId, level }, select: { id: true } });
      const row = existing
        ? await tx.certificate.update({ where: { learnerId_id: { learnerId, id: existing.id } }, data: { ...details, organisationId }, select: { id: true } })
        : await tx.certificate.create({ data: { learnerId, organisationId, level, ...details, createdById: actor.id }, select: { id: true } });
      return { ...row, details: { level, replaced: Boolean(existing) } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken();
    if (violatesOriginalCheck(error)) throw badRequest("Сведения об оригинале указываются только для дубликата", "duplicate");
    throw error;
  }
}
