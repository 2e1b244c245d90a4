// Data quality: per-learner checks over the learners held by an organisation
// (an ACTIVE or PENDING_TRANSFER enrolment there), computed in the database.
// Schools read the rows to fix them; the ministry reads counts only.
import type { Actor } from "../../auth/actor";
import { learnersKeptBy } from "../../authz/relationship";
import { allowsStage } from "../../authz/matrix";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Db, DbTx } from "../../db";
import { forbidden } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { QUALITY_CHECKS, type QualityCheck } from "@/lib/quality-checks";
import { AGE_LIMITS } from "@/lib/schemas/learner";
import { todayIso } from "@/lib/schemas/person";

export { QUALITY_CHECKS, type QualityCheck };

/** Checks that read only the identity subset (name, birth date, sex, SNILS, organisation, class). */
const IDENTITY_CHECKS: readonly QualityCheck[] = ["missingSnils", "invalidSnils", "possibleDuplicates", "doubleBasicEnrolment", "ageGradeMismatch"];

type LearnerRow = { organisationId: string; learnerId: string; name: string; grade: number | null; classLetter: string | null } & Record<QualityCheck, boolean>;

/** 1 September of the current academic year (which starts in September). */
export function academicYearStart(today: string): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return `${m >= 9 ? y : y - 1}-09-01`;
}

/** Organisations whose learners are checked: one, a municipality, a region, or all (snapshots). */
export type Where = { organisationId?: string; municipalityId?: string; regionId?: string };

/** One row per learner held (per organisation) with a boolean per check; used for lists and counts. */
function checkRowsSql(where: Where, today: string): Prisma.Sql {
  const sept1 = academicYearStart(today);
  const limits = Prisma.join(Object.entries(AGE_LIMITS).map(([level, [lo, hi]]) => Prisma.sql`(${level}, ${lo}::int, ${hi}::int)`));
  const age = Prisma.sql`date_part('year', age(${sept1}::date, l."birthDate"))::int`;
  return Prisma.sql`
    WITH enr AS (
      SELECT DISTINCT ON (e."learnerId", e."organisationId") e."learnerId", e."organisationId", e."grade", e."classLetter", e."level"::text AS level
      FROM "Enrolment" e JOIN "Organisation" o ON o."id" = e."organisationId" JOIN "Municipality" mu ON mu."id" = o."municipalityId"
      WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER')
        AND (${where.organisationId ?? null}::uuid IS NULL OR o."id" = ${where.organisationId ?? null}::uuid)
        AND (${where.municipalityId ?? null}::uuid IS NULL OR o."municipalityId" = ${where.municipalityId ?? null}::uuid)
        AND (${where.regionId ?? null}::uuid IS NULL OR mu."regionId" = ${where.regionId ?? null}::uuid)
      ORDER BY e."learnerId", e."organisationId", e."isBasic" DESC, e."enrolledAt" DESC
    ), lim(level, lo, hi) AS (VALUES ${limits})
    SELECT enr."organisationId"::text AS "organisationId", l."id"::text AS "learnerId",
      concat_ws(' ', l."lastName", l."firstName", l."middleName") AS name, enr."grade"::int AS grade, enr."classLetter",
      (l."snilsIndex" IS NULL) AS "missingSnils",
      -- SNILS is encrypted at rest: its check digits were verified on write.
      COALESCE(NOT l."snilsChecksumOk", FALSE) AS "invalidSnils",
      -- Same full name (case and ё/е aside: the search key), birth date and sex: one index probe.
      EXISTS (SELECT 1 FROM "Learner" d WHERE d."searchName" = l."searchName" AND d."birthDate" = l."birthDate"
        AND d."id" <> l."id" AND d."regionId" = l."regionId" AND d."sex" = l."sex") AS "possibleDuplicates",
      ((SELECT count(*) FROM "Enrolment" b WHERE b."learnerId" = l."id" AND b."isBasic" AND b."status" <> 'ENDED') > 1) AS "doubleBasicEnrolment",
      COALESCE((enr."grade" BETWEEN 1 AND 11 AND ${age} NOT BETWEEN enr."grade" + 6 AND enr."grade" + 8)
        OR ${age} NOT BETWEEN lim.lo AND lim.hi, FALSE) AS "ageGradeMismatch",
      (l."docType" IS NULL OR l."docNumberEnc" IS NULL) AS "missingDocument",
      -- In Russia a passport is due at 14, so a birth certificate is no longer an identity document
      -- then. (A passport's own 20/45 replacement ages lie beyond this product's learners.)
      COALESCE(l."docType" = 'BIRTH_CERTIFICATE_RF' AND date_part('year', age(${today}::date, l."birthDate")) >= 14, FALSE) AS "expiredDocument",
      NOT EXISTS (SELECT 1 FROM "LearnerRepresentative" r WHERE r."learnerId" = l."id") AS "missingRepresentative",
      NOT EXISTS (SELECT 1 FROM "Consent" c WHERE c."learnerId" = l."id" AND c."withdrawnAt" IS NULL) AS "missingConsent",
      -- The school fixes these on /school/addresses (a house picked, or the text confirmed as MANUAL).
      EXISTS (SELECT 1 FROM "LearnerAddress" a WHERE a."learnerId" = l."id" AND a."match" IN ('UNMATCHED', 'STREET')) AS "addressNotFound",
      NOT EXISTS (SELECT 1 FROM "HealthRecord" h WHERE h."learnerId" = l."id") AS "missingHealth"
    FROM enr JOIN "Learner" l ON l."id" = enr."learnerId" LEFT JOIN lim ON lim.level = enr.level`;
}

async function learnerRows(db: Db | DbTx, where: Where, today = todayIso()): Promise<LearnerRow[]> {
  return db.$queryRaw<LearnerRow[]>(Prisma.sql`
    SELECT * FROM (${checkRowsSql(where, today)}) r ORDER BY r.name, r."learnerId"`);
}

/** The checks a learner row fails. */
function failedChecks(row: LearnerRow): QualityCheck[] {
  return QUALITY_CHECKS.filter((check) => row[check]);
}

/** Which checks a school role may see: HEALTH only with health read; beyond the identity subset only with PERSONAL read. */
export function visibleChecks(role: Actor["role"]): QualityCheck[] {
  const personal = allowsStage(role, "PERSONAL", "read");
  const health = allowsStage(role, "HEALTH", "read");
  return QUALITY_CHECKS.filter((c) => (c === "missingHealth" ? health : personal || IDENTITY_CHECKS.includes(c)));
}

export interface QualityIssueRow {
  learnerId: string;
  name: string;
  class: string | null;
  checks: QualityCheck[];
}

export async function listIssuesForSchool(db: Db, actor: Actor, ip: string | null = null): Promise<QualityIssueRow[]> {
  if (actor.scope.kind !== "ORGANISATION" || actor.portal !== "school") throw forbidden();
  const organisationId = actor.scope.organisationId;
  const visible = new Set(visibleChecks(actor.role));
  return db.$transaction(async (tx) => {
    // The school's own roll: learners it only teaches in an additional programme
    // (held elsewhere) are the holding school's to complete, and their checks
    // (documents, consent, health) are not this school's to see.
    const all = await learnerRows(tx, { organisationId });
    const kept = new Set(
      (await tx.learner.findMany({ where: learnersKeptBy(organisationId), select: { id: true } })).map((l) => l.id),
    );
    const rows = all
      .filter((r) => kept.has(r.learnerId))
      .map((r) => ({
        learnerId: r.learnerId,
        name: r.name,
        class: r.grade === null ? null : `${r.grade}${r.classLetter ?? ""}`,
        checks: failedChecks(r).filter((c) => visible.has(c)),
      }))
      .filter((r) => r.checks.length > 0);
    const counts = Object.fromEntries([...visible].map((c) => [c, rows.filter((r) => r.checks.includes(c)).length]));
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "quality.list.read",
      entityType: "Organisation",
      entityId: organisationId,
      details: { learners: rows.length, counts },
      learnerIds: rows.map((r) => r.learnerId),
    });
    return rows;
  });
}

export type CheckCounts = Record<QualityCheck, number>;
export const zeroCounts = (): CheckCounts => Object.fromEntries(QUALITY_CHECKS.map((c) => [c, 0])) as CheckCounts;

/** Counts per organisation, aggregated in the database (never a row per learner to the server). */
export async function countsByOrganisation(db: Db | DbTx, where: Where): Promise<Map<string, { learners: number; counts: CheckCounts }>> {
  const columns = Prisma.join(QUALITY_CHECKS.map((c) => Prisma.sql`count(*) FILTER (WHERE r.${Prisma.raw(`"${c}"`)})::int AS ${Prisma.raw(`"${c}"`)}`));
  const rows = await db.$queryRaw<({ organisationId: string; learners: number } & CheckCounts)[]>(Prisma.sql`
    SELECT r."organisationId", count(*)::int AS learners, ${columns}
    FROM (${checkRowsSql(where, todayIso())}) r GROUP BY r."organisationId"`);
  return new Map(
    rows.map(({ organisationId, learners, ...counts }) => [
      organisationId,
      { learners: Number(learners), counts: Object.fromEntries(QUALITY_CHECKS.map((c) => [c, Number(counts[c])])) as CheckCounts },
    ]),
  );
}

/** Region or municipality scope of an education officer; schools do not read statistics. */
export function ministryWhere(actor: Actor): Where {
  if (actor.scope.kind === "ORGANISATION") throw forbidden();
  return actor.scope.kind === "MUNICIPALITY" ? { municipalityId: actor.scope.municipalityId } : { regionId: actor.scope.regionId };
}

export interface OrganisationQualityRow {
  organisationId: string;
  shortName: string;
  municipalityName: string;
  learners: number;
  counts: CheckCounts;
}

export interface TrendPoint {
  day: string;
  counts: CheckCounts;
}

/** Snapshots summed over the officer's scope, per day, over the last `days` days. */
export async function trend(db: Db | DbTx, actor: Actor, days: number): Promise<TrendPoint[]> {
  const where = ministryWhere(actor);
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const orgs = await db.organisation.findMany({
    where: { municipalityId: where.municipalityId, municipality: { regionId: where.regionId } },
    select: { id: true },
  });
  const rows = await db.dataQualitySnapshot.groupBy({
    by: ["takenOn", "check"],
    where: { takenOn: { gte: since }, organisationId: { in: orgs.map((o) => o.id) } },
    _sum: { count: true },
    orderBy: { takenOn: "asc" },
  });
  const points = new Map<string, CheckCounts>();
  for (const r of rows) {
    const day = r.takenOn.toISOString().slice(0, 10);
    const counts = points.get(day) ?? zeroCounts();
    if ((QUALITY_CHECKS as readonly string[]).includes(r.check)) counts[r.check as QualityCheck] = r._sum.count ?? 0;
    points.set(day, counts);
  }
  return [...points].map(([day, counts]) => ({ day, counts }));
}
