// The attack suite's world: one learner and an organisation of every
// relationship to them, built through the procedures as schools would.
//   school1  HOLDING     (received the learner by transfer)
//   cdt      ADDITIONAL  (enrolled them in an additional programme)
//   gymn2    FORMER      (held them, then transferred them out)
//   school4  CANCELLED   (an additional enrolment whose order was cancelled)
//   board3   NONE
// Each organisation gets a head, a registrar and a medic; the region gets a
// municipal officer where the learner studies and one elsewhere.
import { afterAll, beforeAll } from "vitest";
import type { Relationship, Role } from "../../authz/matrix";
import type { Db } from "../../db";
import { callerAs } from "../callers";
import { learnerInput } from "../learner-fixtures";
import { createSeededTestDatabase } from "../test-db";
import { subjectIdOf, testSubject } from "../subjects";

export type Tie = Relationship | "CANCELLED";
export interface AttackActor {
  login: string;
  role: Role;
  /** What the matrix should see: CANCELLED must behave exactly as NONE. */
  tie: Tie;
  organisationId: string | null;
}

const ORGS: [string, Tie][] = [
  ["school1", "HOLDING"],
  ["cdt", "ADDITIONAL"],
  ["gymn2", "FORMER"],
  ["school4", "CANCELLED"],
  ["board3", "NONE"],
];
const SCHOOL_ROLES = ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR", "SCHOOL_MEDIC"] as const;
const order = (n: string, date = "2026-09-15") => ({ orderNumber: n, orderDate: date, effectiveDate: date });

export async function buildWorld(db: Db, seeded: { regionId: string; organisationIds: Record<string, string>; municipalityIds: Record<string, string> }) {
  const template = await db.user.findUniqueOrThrow({ where: { login: "school.admin" }, select: { passwordHash: true } });
  const actors: AttackActor[] = [];
  const add = async (login: string, role: Role, tie: Tie, scope: { scopeKind: "ORGANISATION" | "MUNICIPALITY" | "REGION"; organisationId?: string; municipalityId?: string }) => {
    await db.user.create({
      data: { login, role, fullName: `Тест ${login}`, passwordHash: template.passwordHash, regionId: seeded.regionId, ...scope },
    });
    actors.push({ login, role, tie, organisationId: scope.organisationId ?? null });
  };
  for (const [key, tie] of ORGS) {
    for (const role of SCHOOL_ROLES) await add(`att.${key}.${role.toLowerCase()}`, role, tie, { scopeKind: "ORGANISATION", organisationId: seeded.organisationIds[key]! });
  }
  await add("att.muni.in", "EDU_OFFICER", "OVERSIGHT", { scopeKind: "MUNICIPALITY", municipalityId: seeded.municipalityIds.zarechny! });
  await add("att.muni.out", "EDU_OFFICER", "NONE", { scopeKind: "MUNICIPALITY", municipalityId: seeded.municipalityIds.sosnovka! });
  for (const [login, role, tie] of [
    ["edu.officer", "EDU_OFFICER", "OVERSIGHT"],
    ["health.officer", "HEALTH_OFFICER", "OVERSIGHT"],
    ["sys.admin", "SYSTEM_ADMIN", "OVERSIGHT"],
    ["auditor", "AUDITOR", "OVERSIGHT"],
  ] as const) {
    actors.push({ login, role, tie, organisationId: null });
  }

  const as = (key: string, role: (typeof SCHOOL_ROLES)[number]) => callerAs(db, `att.${key}.${role.toLowerCase()}`);
  const orgId = (key: string) => seeded.organisationIds[key]!;
  const math = await subjectIdOf(db, "MATH");
  const computing = await subjectIdOf(db, "COMPUTER_SCIENCE");
  // One subject of its own per actor: each writer's mark takes a slot of its own.
  const subjectOf: Record<string, string> = {};
  for (const [i, a] of actors.entries()) subjectOf[a.login] = await testSubject(db, `ATTACK_${i}`, `Предмет ${a.login}`);

  // gymn2 holds the learner first and writes marks, an achievement and a health record.
  const input = learnerInput();
  input.learner.birthDate = "2014-05-06";
  input.enrolment = { level: "BASIC", grade: 5, classLetter: "А", enrolledAt: "2024-09-01" };
  input.acknowledgeDuplicate = true;
  const gymnRegistrar = await as("gymn2", "SCHOOL_REGISTRAR");
  const { id: learnerId } = await gymnRegistrar.learners.create(input);
  const snils = input.learner.snils!;
  const birthDate = input.learner.birthDate;
  await gymnRegistrar.learners.portfolio.addGrade({ learnerId, academicYear: 2025, subjectId: math, period: "1 четверть", mark: 4 });
  await gymnRegistrar.learners.portfolio.addAchievement({ learnerId, kind: "Олимпиада", title: "Гимназическая олимпиада", level: "SCHOOL", result: "WINNER", date: "2025-03-01" });
  await (await as("gymn2", "SCHOOL_MEDIC")).learners.health.record({ learnerId, data: { recordedAt: "2025-09-10", healthGroup: "II", peGroup: "MAIN" } });

  // gymn2 transfers the learner to school1, which accepts: school1 holds, gymn2 is former.
  const { transferId } = await gymnRegistrar.movement.transfers.start({ learnerId, toOrganisationId: orgId("school1"), order: order("Г-1", "2026-09-01") });
  const school1 = await as("school1", "SCHOOL_REGISTRAR");
  await school1.movement.transfers.accept({ learnerId, transferId, placement: { level: "BASIC", grade: 6, classLetter: "Б" }, order: order("1-П", "2026-09-02") });
  await school1.learners.portfolio.addGrade({ learnerId, academicYear: 2026, subjectId: math, period: "1 четверть", mark: 5 });
  await (await as("school1", "SCHOOL_MEDIC")).learners.health.record({ learnerId, data: { recordedAt: "2026-09-20", healthGroup: "I", peGroup: "MAIN" } });

  // cdt teaches the learner in an additional programme and records its own achievement and mark.
  const cdt = await as("cdt", "SCHOOL_REGISTRAR");
  const additional = { snils, birthDate, placement: { level: "ADDITIONAL" as const }, order: order("ДО-7") };
  const cdtEnrolment = await cdt.movement.enrolExisting(additional);
  await cdt.learners.portfolio.addAchievement({ learnerId, kind: "Конкурс", title: "Конкурс ЦДТ", level: "MUNICIPAL", result: "PRIZE_WINNER", date: "2026-10-01" });
  await cdt.learners.portfolio.addGrade({ learnerId, academicYear: 2026, subjectId: computing, period: "1 полугодие", mark: 5 });

  // school4 enrols the learner by mistake and cancels the order: no relationship remains.
  const school4 = await as("school4", "SCHOOL_REGISTRAR");
  const mistaken = await school4.movement.enrolExisting({ ...additional, order: order("Ш4-1") });
  await school4.movement.cancel({ learnerId, eventId: mistaken.eventId, order: order("Ш4-2"), reason: "Зачислен ошибочно" });

  const rows = async (table: string) =>
    (await db.$queryRawUnsafe<{ id: string; organisationId: string }[]>(`SELECT id::text, "organisationId"::text FROM "${table}" WHERE "learnerId" = $1::uuid`, learnerId));
  const link = await db.learnerRepresentative.findFirstOrThrow({ where: { learnerId }, select: { representativeId: true } });
  const consent = await db.consent.findFirstOrThrow({ where: { learnerId }, select: { id: true } });
  return {
    actors,
    learnerId,
    subjects: { math, of: (login: string) => subjectOf[login]! },
    snils,
    birthDate,
    transferId,
    representativeId: link.representativeId,
    consentId: consent.id,
    cdtEnrolmentEventId: cdtEnrolment.eventId,
    kinderId: orgId("kinder5"),
    orgOf: (tie: Tie) => orgId(ORGS.find(([, t]) => t === tie)![0]),
    records: { health: await rows("HealthRecord"), grades: await rows("SubjectGrade"), achievements: await rows("Achievement"), events: await rows("MovementEvent") },
  };
}
export type AttackWorld = Awaited<ReturnType<typeof buildWorld>>;

/** A digest of everything stored about the learner: equal before and after a refused call. */
export async function learnerDigest(db: Db, learnerId: string): Promise<string> {
  const tables = ["Enrolment", "MovementEvent", "Transfer", "HealthRecord", "Achievement", "ExamResult", "SubjectGrade", "Certificate", "StudyCertificate", "LearnerRepresentative", "Consent"];
  const parts = tables.map((t) => `(SELECT coalesce(string_agg(row_to_json(x)::text, ',' ORDER BY row_to_json(x)::text), '') FROM "${t}" x WHERE x."learnerId" = $1::uuid)`);
  const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(concat_ws('|', (SELECT row_to_json(l)::text FROM "Learner" l WHERE l.id = $1::uuid),
       (SELECT coalesce(string_agg(row_to_json(r)::text, ',' ORDER BY r.id), '') FROM "Representative" r JOIN "LearnerRepresentative" lr ON lr."representativeId" = r.id WHERE lr."learnerId" = $1::uuid),
       ${parts.join(",")})) AS digest`,
    learnerId,
  );
  return row!.digest;
}

/**
 * A seeded database holding the attack world, built once per test file:
 * `const ctx = useAttackWorld();` then `ctx.db` and `ctx.world` inside tests.
 */
export function useAttackWorld() {
  const ctx = {} as { db: Awaited<ReturnType<typeof createSeededTestDatabase>>; world: AttackWorld };
  beforeAll(async () => {
    ctx.db = await createSeededTestDatabase();
    ctx.world = await buildWorld(ctx.db.prisma, ctx.db.seeded);
  }, 180_000);
  afterAll(() => ctx.db?.close());
  return ctx;
}
