// «Current performance of a learner» for the public-services portal, asked by
// a parent. Answered only when that parent is a linked legal representative
// whose consent is in force today; an unknown learner, an unknown or unlinked
// parent and a missing or withdrawn consent all get the same LEARNER_NOT_FOUND,
// and the same queries run in every case so the timing does not tell them apart.
import type { ApiPerformance } from "@/lib/schemas/api/public-services";
import type { DbTx } from "../../db";
import { day } from "../person/person-data";
import { findLearnerIdBySnils, findRepresentativeIdBySnils } from "../learners/snils-lookup";
import type { MachineClientActor } from "../machine-clients/authenticate";
import { answer, refuse, type ApiServiceResult } from "./api-result";
import { regionToday } from "@/lib/time-zone";

/** Matches no row: lets the checks run even when a lookup found nobody. */
const NO_ONE = "00000000-0000-0000-0000-000000000000";

export async function readPublicPerformance(
  tx: DbTx,
  client: MachineClientActor,
  query: { learnerSnils: string; parentSnils: string },
  today = new Date(),
): Promise<ApiServiceResult<ApiPerformance>> {
  const [learnerId, representativeId] = await Promise.all([findLearnerIdBySnils(tx, query.learnerSnils), findRepresentativeIdBySnils(tx, query.parentSnils)]);
  // The region's today, not UTC's (a consent withdrawn today stops the answer from 00:00 Moscow time).
  const on = day(regionToday(today));
  const pair = { learnerId: learnerId ?? NO_ONE, representativeId: representativeId ?? NO_ONE };
  const [link, consent] = await Promise.all([
    tx.learnerRepresentative.findFirst({ where: { ...pair, learner: { regionId: client.regionId } }, select: { learnerId: true } }),
    tx.consent.findFirst({
      where: { ...pair, givenAt: { lte: on }, OR: [{ withdrawnAt: null }, { withdrawnAt: { gt: on } }] },
      select: { id: true },
    }),
  ]);
  const allowed = Boolean(learnerId && representativeId && link && consent);
  // The refused path runs the same reads (on an id that matches nothing), so it takes as long.
  const target = allowed ? learnerId! : NO_ONE;
  const learner = await tx.learner.findFirst({
    where: { id: target },
    select: {
      lastName: true,
      firstName: true,
      middleName: true,
      enrolments: {
        where: { isBasic: true, status: { in: ["ACTIVE", "PENDING_TRANSFER"] } },
        select: { grade: true, organisation: { select: { shortName: true } } },
        take: 1,
      },
    },
  });
  const latest = await tx.subjectGrade.findFirst({ where: { learnerId: target, supersededBy: null }, orderBy: { academicYear: "desc" }, select: { academicYear: true } });
  const marks = await tx.subjectGrade.findMany({
    where: { learnerId: target, academicYear: latest?.academicYear ?? -1, supersededBy: null },
    select: { subject: true, period: true, mark: true, credit: true },
    orderBy: [{ subject: "asc" }, { period: "asc" }],
  });
  if (!allowed || !learner) {
    // Why, for the auditor only; the caller gets one answer for every case.
    const why = !learnerId ? "unknown_learner" : !representativeId ? "unknown_parent" : !link ? "not_linked" : "no_consent";
    return refuse("LEARNER_NOT_FOUND", learnerId ? [learnerId] : [], { refused: why, representativeId: representativeId ?? null });
  }
  const enrolment = learner.enrolments[0];
  return answer(
    {
      learner: { lastName: learner.lastName, firstName: learner.firstName, middleName: learner.middleName },
      organisation: enrolment ? { shortName: enrolment.organisation.shortName } : null,
      grade: enrolment?.grade ?? null,
      academicYear: latest?.academicYear ?? null,
      marks,
    },
    [learnerId!],
    // Which legal representative asked: the access report names them (an id, never the SNILS).
    { marks: marks.length, representativeId },
  );
}
