// The demo region's learners, written on a first run so that every list,
// dashboard and report has something to show (README, "Two commands"):
// ~3,000 learners in the seven demo organisations, grown by the synthetic
// region generator (tools/generate) at a fixed seed — families, consents,
// health, portfolio, marks, movement history — plus what the generator does
// not make: one transfer from school1 waiting at school4 (started through
// the transfer service, so it is audited like a user's), a few expulsions
// from school1 with coded reasons for leaving (the municipal account and the
// movement report count by them), the health months
// the statistics keep, and today's data-quality snapshot.
// Only into a database without learners and without any other region.
import { DEMO_ACCOUNTS, DEMO_REGION } from "../../prisma/seed/demo-region";
import type { Actor } from "../../src/server/auth/actor";
import { portalOf, type Role } from "../../src/server/authz/matrix";
import { scopeOf } from "../../src/server/authz/scope";
import type { Db } from "../../src/server/db";
import { countNextHealthMonth } from "../../src/server/services/health/health-month-counts";
import { startTransfer } from "../../src/server/services/movement/transfers";
import { recordSchoolEvent } from "../../src/server/services/movement/school-events";
import type { LeavingReason } from "../../src/lib/movement/leaving-reasons";
import { addDays } from "../generate/dates";
import { snapshotToday } from "../../src/server/services/quality/quality-snapshots";
import { flushLearnerSummary } from "../../src/server/services/summary/learner-summary";
import { todayIso } from "../../src/lib/schemas/person";
import type { BulkTarget } from "../generate/copy";
import { generateRegion } from "../generate/generate-region";

export const DEMO_LEARNERS = 3000;
export const DEMO_SEED = 2026;
/** The outgoing school's head starts the waiting transfer. */
const SENDER = DEMO_ACCOUNTS.find((a) => a.login === "school.admin")!;
const RECEIVER = DEMO_ACCOUNTS.find((a) => a.login === "school2.admin")!;

export type DemoLearnersOutcome = { seeded: true; learners: number; seconds: number } | { seeded: false; reason: string };

export async function seedDemoLearners(bulk: BulkTarget, prisma: Db, o: { postgres: boolean; log?: (line: string) => void }): Promise<DemoLearnersOutcome> {
  const [{ learners }] = (await bulk.query(`SELECT count(*)::int AS learners FROM "Learner"`)) as [{ learners: number }];
  if (learners > 0) return { seeded: false, reason: `the database already holds ${learners} learner(s)` };
  const [{ others }] = (await bulk.query(`SELECT count(*)::int AS others FROM "Region" WHERE code <> $1`, [DEMO_REGION.code])) as [{ others: number }];
  if (others > 0) return { seeded: false, reason: "the database holds a region other than the demo one" };
  const started = Date.now();
  await generateRegion(bulk, prisma, { learners: DEMO_LEARNERS, seed: DEMO_SEED, gradeYears: 1, postgres: o.postgres, log: () => {} });
  await startWaitingTransfer(prisma);
  await recordDemoLeavings(prisma);
  await flushLearnerSummary(prisma);
  // The statistics for past dates read these; the server would count one per minute.
  while (await countNextHealthMonth(prisma)) {}
  await snapshotToday(prisma);
  const seconds = (Date.now() - started) / 1000;
  o.log?.(`Demo learners: ${DEMO_LEARNERS.toLocaleString("en")} in ${seconds.toFixed(1)} s.`);
  return { seeded: true, learners: DEMO_LEARNERS, seconds };
}

/** A grade-7 learner of school1 (the first by name, so the same one every run) sent to school4. */
async function startWaitingTransfer(prisma: Db) {
  const actor = await demoActor(prisma, SENDER.login);
  const receiver = await prisma.user.findUniqueOrThrow({ where: { login: RECEIVER.login }, select: { organisationId: true } });
  const enrolment = await prisma.enrolment.findFirstOrThrow({
    where: { organisationId: actor.scope.kind === "ORGANISATION" ? actor.scope.organisationId : "", isBasic: true, status: "ACTIVE", grade: 7 },
    orderBy: [{ learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }, { learnerId: "asc" }],
    select: { learnerId: true },
  });
  const today = todayIso();
  await startTransfer(prisma, actor, {
    learnerId: enrolment.learnerId,
    toOrganisationId: receiver.organisationId!,
    order: { orderNumber: "112-у", orderDate: today, effectiveDate: today },
    reason: "Смена места жительства семьи",
  }, null);
}

/** Grade-8 and -9 learners of school1 (the first by name) leave by orders with coded reasons, 45 days ago. */
const DEMO_LEAVINGS: { leavingReason: LeavingReason; reason?: string }[] = [
  { leavingReason: "TRANSFER_OTHER_REGION", reason: "Переезд семьи в Тверскую область" },
  { leavingReason: "TRANSFER_ABROAD" },
  { leavingReason: "FAMILY_EDUCATION", reason: "По заявлению родителей" },
  { leavingReason: "HEALTH" },
  { leavingReason: "OTHER", reason: "Решение суда" },
];

async function recordDemoLeavings(prisma: Db) {
  const actor = await demoActor(prisma, SENDER.login);
  const date = addDays(todayIso(), -45);
  const enrolments = await prisma.enrolment.findMany({
    where: { organisationId: actor.scope.kind === "ORGANISATION" ? actor.scope.organisationId : "", isBasic: true, status: "ACTIVE", grade: { in: [8, 9] }, enrolledAt: { lt: new Date(date) } },
    orderBy: [{ learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }, { learnerId: "asc" }],
    take: DEMO_LEAVINGS.length,
    select: { learnerId: true },
  });
  for (const [i, e] of enrolments.entries()) {
    const order = { orderNumber: `${140 + i}-у`, orderDate: date, effectiveDate: date };
    await recordSchoolEvent(prisma, actor, { type: "EXPULSION", learnerId: e.learnerId, order, ...DEMO_LEAVINGS[i]! }, null);
  }
}

async function demoActor(prisma: Db, login: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { login },
    select: { id: true, login: true, fullName: true, role: true, scopeKind: true, regionId: true, municipalityId: true, organisationId: true, organisation: { select: { municipalityId: true } } },
  });
  const role = user.role as Role;
  const scope = scopeOf({ ...user, role, organisationMunicipalityId: user.organisation?.municipalityId ?? null });
  const portal = portalOf(role);
  if (!scope || !portal) throw new Error(`The demo account ${login} has no usable scope`);
  return { id: user.id, login: user.login, fullName: user.fullName, role, portal, scope };
}
