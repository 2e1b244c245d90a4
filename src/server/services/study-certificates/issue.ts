// The справка об обучении of one learner (issue 21): what the card's section
// offers, issuing a numbered справка, and loading an issued one to print it
// again. The document is the school's own: the holding school or a former one
// issues it (an additional-programme school does not: FORBIDDEN; no
// relationship: NOT_FOUND), and only for the years the learner studied there.
// Every call is audited with the learner, in its transaction.
import type { IssueStudyCertificateInput } from "@/lib/schemas/study-certificates";
import { GRADE_PERIODS } from "@/lib/schemas/portfolio";
import { currentAcademicYear } from "@/lib/schemas/programme";
import { todayIn } from "@/lib/time-zone";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canIssueStudyCertificates, permits } from "../../authz/permissions";
import type { Relationship } from "../../authz/matrix";
import { requireLearnerAccess } from "../../authz/relationship";
import type { Db, DbTx } from "../../db";
import { badRequest, forbidden, notFound } from "../../errors";
import { serverTimeZone } from "../../time-zone";
import { academicYearBounds, gatherContent, ZStudyCertificateContent, type StudyCertificateContent } from "./content";

const ISSUING_RELATIONSHIPS: readonly Relationship[] = ["HOLDING", "FORMER"];

/**
 * The caller's organisation when it may issue a справка for the learner:
 * the named check (school staff reading portfolios), then the relationship.
 */
export async function requireIssuer(tx: DbTx, actor: Actor, learnerId: string): Promise<{ organisationId: string; relationship: Relationship }> {
  if (!permits(canIssueStudyCertificates, actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
  const relationship = await requireLearnerAccess(tx, actor, learnerId, "PORTFOLIO", "read");
  if (!ISSUING_RELATIONSHIPS.includes(relationship)) throw forbidden("Справку об обучении выдаёт организация, в которой обучающийся обучается или обучался");
  return { organisationId: actor.scope.organisationId, relationship };
}

const listSelect = { id: true, year: true, number: true, issuedOn: true, academicYear: true, period: true } as const;

/**
 * What the card's section shows: the academic years the learner studied here
 * (newest first) with the periods this school has marks for, and the справки
 * already issued to the learner by this school.
 */
export async function studyCertificateOptions(db: Db, actor: Actor, learnerId: string, ip: string | null) {
  return db.$transaction(async (tx) => {
    const { organisationId, relationship } = await requireIssuer(tx, actor, learnerId);
    const [enrolments, marked, issued] = await Promise.all([
      tx.enrolment.findMany({ where: { learnerId, organisationId, cancelledAt: null }, select: { enrolledAt: true, endedAt: true } }),
      tx.subjectGrade.findMany({
        where: { learnerId, organisationId, supersededBy: null, subjectId: { not: null } },
        select: { academicYear: true, period: true },
        distinct: ["academicYear", "period"],
      }),
      tx.studyCertificate.findMany({ where: { learnerId, organisationId }, select: listSelect, orderBy: [{ year: "desc" }, { number: "desc" }] }),
    ]);
    const today = todayIn(serverTimeZone());
    const lastYear = currentAcademicYear(new Date(`${today}T12:00:00Z`), "UTC");
    // From the academic year of the first enrolment here (it starts on 1 September) to the current one.
    const firstYear = Math.min(...enrolments.map((e) => e.enrolledAt.getUTCFullYear() - (e.enrolledAt.getUTCMonth() < 8 ? 1 : 0)));
    const years: { academicYear: number; periods: string[] }[] = [];
    for (let year = lastYear; year >= firstYear; year--) {
      const { start, end } = academicYearBounds(year);
      const studied = enrolments.some((e) => e.enrolledAt.toISOString().slice(0, 10) <= end && (e.endedAt === null || e.endedAt.toISOString().slice(0, 10) > start));
      if (!studied) continue;
      const periods = GRADE_PERIODS.filter((p) => marked.some((m) => m.academicYear === year && m.period === p));
      years.push({ academicYear: year, periods });
    }
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "studyCertificate.read",
      entityType: "Learner",
      entityId: learnerId,
      details: { relationship, issued: issued.length },
    });
    return { years, issued };
  });
}

/**
 * Issues a справка: takes the organisation's next number of the calendar year
 * (the counter row's lock serialises concurrent issues; a rolled-back issue
 * gives its number back), keeps the content in the register and audits it —
 * all in one transaction.
 */
export async function issueStudyCertificate(db: Db, actor: Actor, input: IssueStudyCertificateInput, ip: string | null) {
  const { learnerId, academicYear, period } = input;
  return db.$transaction(async (tx) => {
    const { organisationId, relationship } = await requireIssuer(tx, actor, learnerId);
    const today = todayIn(serverTimeZone());
    if (academicYear > currentAcademicYear(new Date(`${today}T12:00:00Z`), "UTC")) throw badRequest("Этот учебный год ещё не начался", "academicYear");
    const content = await gatherContent(tx, organisationId, learnerId, academicYear, period);
    const year = Number(today.slice(0, 4));
    const number = await nextNumber(tx, organisationId, year);
    const row = await tx.studyCertificate.create({
      data: { learnerId, organisationId, year, number, issuedOn: new Date(`${today}T00:00:00Z`), academicYear, period: period ?? null, content, issuedById: actor.id },
      select: listSelect,
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "studyCertificate.issue",
      entityType: "Learner",
      entityId: learnerId,
      details: { relationship, certificateId: row.id, year, number, academicYear, period: period ?? null, subjects: content.subjects.length },
    });
    return row;
  });
}

/** The organisation's next number in `year`: one upsert, whose row lock holds later issuers until this one commits. */
async function nextNumber(tx: DbTx, organisationId: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<[{ lastNumber: number }]>`
    INSERT INTO "StudyCertificateCounter" ("organisationId", "year", "lastNumber") VALUES (${organisationId}::uuid, ${year}::smallint, 1)
    ON CONFLICT ("organisationId", "year") DO UPDATE SET "lastNumber" = "StudyCertificateCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return Number(row.lastNumber);
}

export interface IssuedStudyCertificate {
  id: string;
  year: number;
  number: number;
  issuedOn: Date;
  learnerId: string;
  content: StudyCertificateContent;
}

/**
 * An issued справка to print again (the same number, the kept content):
 * another organisation's справка, or one that does not exist, is NOT_FOUND.
 * Audited as a read of the learner.
 */
export async function loadForPrint(db: Db, actor: Actor, id: string, ip: string | null): Promise<IssuedStudyCertificate> {
  return db.$transaction(async (tx) => {
    if (!permits(canIssueStudyCertificates, actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
    const row = await tx.studyCertificate.findFirst({
      where: { id, organisationId: actor.scope.organisationId },
      select: { id: true, year: true, number: true, issuedOn: true, learnerId: true, content: true },
    });
    if (!row) throw notFound("Справка не найдена");
    const { relationship } = await requireIssuer(tx, actor, row.learnerId);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "studyCertificate.print",
      entityType: "Learner",
      entityId: row.learnerId,
      details: { relationship, certificateId: row.id, year: row.year, number: row.number },
    });
    return { ...row, content: ZStudyCertificateContent.parse(row.content) };
  });
}
