// The ministry's data-quality counts come from the day's snapshot of the whole
// region, not from a recount per page view: at a million learners the checks
// take tens of seconds (each one probes several tables per learner), while a
// school's own list stays live. The snapshot is recounted in the background
// every KONTINGENT_QUALITY_MAX_AGE_MINUTES, and by a reader that finds it older
// than that; the page says when it was counted.
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { todayIso } from "@/lib/schemas/person";
import { lockKey } from "../../db/locks";
import { runEvery, type ScheduleHandle } from "../../schedule";
import { QUALITY_CHECKS, countsByOrganisation, ministryWhere, zeroCounts, type CheckCounts, type OrganisationQualityRow } from "./data-quality";

/** The snapshot row holding an organisation's learner count (beside one row per check). */
const LEARNERS = "learners";
/** One recount at a time; a second reader waits for it and then reads its result. */
const RECOUNT_LOCK = lockKey("qualityRecount");

type ByOrg = Map<string, { learners: number; counts: CheckCounts }>;

/** Recounts every open organisation (zeros included) for today; re-running replaces the day's rows. */
export async function snapshotToday(db: Db | DbTx, today = todayIso()) {
  const byOrg = await countsByOrganisation(db, {});
  const organisations = await db.organisation.findMany({ where: { closedAt: null }, select: { id: true } });
  const ids: string[] = [];
  const checks: string[] = [];
  const counts: number[] = [];
  for (const { id } of organisations) {
    const own = byOrg.get(id);
    for (const [check, count] of [[LEARNERS, own?.learners ?? 0], ...QUALITY_CHECKS.map((c) => [c, own?.counts[c] ?? 0])] as [string, number][]) {
      ids.push(id);
      checks.push(check);
      counts.push(count);
    }
  }
  if (ids.length === 0) return { rows: 0, byOrg };
  // One statement with three array parameters: a region's 2,000 organisations
  // × 11 rows as single values would pass PostgreSQL's 65,535-parameter limit.
  const rows = await db.$executeRaw(Prisma.sql`
    INSERT INTO "DataQualitySnapshot" ("id", "organisationId", "takenOn", "check", "count", "refreshedAt")
    SELECT gen_random_uuid(), v."organisationId", ${today}::date, v."check", v."count", now()
    FROM unnest(${ids}::uuid[], ${checks}::text[], ${counts}::int[]) AS v("organisationId", "check", "count")
    ON CONFLICT ("organisationId", "takenOn", "check") DO UPDATE SET "count" = EXCLUDED."count", "refreshedAt" = EXCLUDED."refreshedAt"`);
  return { rows, byOrg };
}

/** Today's snapshot, or null when none was taken today. */
async function readSnapshot(db: Db | DbTx, today: string): Promise<{ refreshedAt: Date; byOrg: ByOrg } | null> {
  const rows = await db.dataQualitySnapshot.findMany({
    where: { takenOn: new Date(`${today}T00:00:00Z`) },
    select: { organisationId: true, check: true, count: true, refreshedAt: true },
  });
  if (rows.length === 0) return null;
  const byOrg: ByOrg = new Map();
  let refreshedAt = rows[0]!.refreshedAt;
  for (const r of rows) {
    const entry = byOrg.get(r.organisationId) ?? { learners: 0, counts: zeroCounts() };
    if (r.check === LEARNERS) entry.learners = r.count;
    else if ((QUALITY_CHECKS as readonly string[]).includes(r.check)) entry.counts[r.check as keyof CheckCounts] = r.count;
    byOrg.set(r.organisationId, entry);
    if (r.refreshedAt < refreshedAt) refreshedAt = r.refreshedAt;
  }
  return { refreshedAt, byOrg };
}

const isFresh = (s: { refreshedAt: Date } | null, maxAgeMinutes: number): s is { refreshedAt: Date; byOrg: ByOrg } =>
  s !== null && Date.now() - s.refreshedAt.getTime() <= maxAgeMinutes * 60_000;

/** Today's snapshot, recounted first when missing or older than `maxAgeMinutes` (0: always recount). */
export async function freshSnapshot(db: Db, maxAgeMinutes: number, today = todayIso()) {
  const current = await readSnapshot(db, today);
  if (isFresh(current, maxAgeMinutes) && maxAgeMinutes > 0) return current;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RECOUNT_LOCK}::bigint)`;
      // Another reader may have recounted while this one waited for the lock.
      const again = await readSnapshot(tx, today);
      if (isFresh(again, maxAgeMinutes) && maxAgeMinutes > 0 && again.refreshedAt > (current?.refreshedAt ?? new Date(0))) return again;
      await snapshotToday(tx, today);
      return (await readSnapshot(tx, today))!;
    },
    { maxWait: 10 * 60_000, timeout: 10 * 60_000 },
  );
}

/** The officer's counts per organisation in scope, and when they were counted. */
export async function countsPerOrganisation(db: Db, actor: Actor, maxAgeMinutes: number): Promise<{ refreshedAt: Date; organisations: OrganisationQualityRow[] }> {
  const where = ministryWhere(actor);
  const organisations = await db.organisation.findMany({
    where: { closedAt: null, municipalityId: where.municipalityId, municipality: { regionId: where.regionId } },
    select: { id: true, shortName: true, municipality: { select: { name: true } } },
    orderBy: [{ municipality: { name: "asc" } }, { shortName: "asc" }],
  });
  const { refreshedAt, byOrg } = await freshSnapshot(db, maxAgeMinutes);
  return {
    refreshedAt,
    organisations: organisations.map((o) => ({
      organisationId: o.id,
      shortName: o.shortName,
      municipalityName: o.municipality.name,
      learners: byOrg.get(o.id)?.learners ?? 0,
      counts: byOrg.get(o.id)?.counts ?? zeroCounts(),
    })),
  };
}

/** Recounts in the background every `minutes`, so a ministry page seldom waits for it. */
export function scheduleQualitySnapshots(getDb: () => Promise<Db>, minutes: number, log = console): ScheduleHandle | null {
  if (minutes <= 0) return null;
  return runEvery(minutes * 60_000, async () => void (await freshSnapshot(await getDb(), minutes)), { name: "quality", log });
}
