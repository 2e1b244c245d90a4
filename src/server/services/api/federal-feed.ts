// The federal segment's change feed. `LearnerChange` rows are appended by
// database triggers on every write to a learner or an enrolment (see the
// `machine_clients_api_rules` migration), in commit order. A page lists the
// learners changed after the cursor with their federal view as it is now — or
// a removal when the learner is no longer in any organisation (graduated,
// expelled, left the region) or gone. So applying every page in order to an
// empty map (upsert = set, remove = delete) yields the current state.
import { nameSelect } from "../learners/learner-views";
import type { ApiChange, ApiFederalLearner } from "@/lib/schemas/api/federal";
import type { DbTx } from "../../db";
import { readLearnerSnils } from "../learners/snils-lookup";
import type { MachineClientActor } from "../machine-clients/authenticate";
import { answer, type ApiServiceResult } from "./api-result";

const HELD = ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[];

/** The federal view of each learner still in an organisation of the region; absent = removed. */
export async function federalViews(tx: DbTx, regionId: string, learnerIds: string[]): Promise<Map<string, ApiFederalLearner>> {
  const rows = await tx.learner.findMany({
    where: { id: { in: learnerIds }, regionId, enrolments: { some: { status: { in: HELD } } } },
    select: {
      ...nameSelect,
      sex: true,
      citizenship: true,
      enrolments: {
        where: { status: { in: HELD } },
        select: { organisationId: true, organisation: { select: { ogrn: true } }, level: true, isBasic: true, programmeId: true, grade: true, status: true },
        orderBy: [{ isBasic: "desc" }, { enrolledAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const snils = await readLearnerSnils(tx, rows.map((r) => r.id));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        lastName: r.lastName,
        firstName: r.firstName,
        middleName: r.middleName,
        birthDate: r.birthDate.toISOString().slice(0, 10),
        sex: r.sex,
        snils: snils.get(r.id) ?? null,
        citizenship: r.citizenship,
        enrolments: r.enrolments.map(({ organisation, status, ...e }) => ({ ...e, organisationOgrn: organisation.ogrn, status: status as (typeof HELD)[number] })),
      },
    ]),
  );
}

export async function readFederalChanges(
  tx: DbTx,
  client: MachineClientActor,
  query: { cursor: string; limit: number },
): Promise<ApiServiceResult<{ changes: ApiChange[]; nextCursor: string; hasMore: boolean }>> {
  const rows = await tx.learnerChange.findMany({
    where: { id: { gt: BigInt(query.cursor) } },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: { id: true, learnerId: true },
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  // A learner changed several times within the page is reported once, at its last change.
  const last = new Map(page.map((r) => [r.learnerId, r.id]));
  const views = await federalViews(tx, client.regionId, [...last.keys()]);
  const changes: ApiChange[] = page
    .filter((r) => last.get(r.learnerId) === r.id)
    .map((r) => {
      const learner = views.get(r.learnerId);
      const changeId = r.id.toString();
      return learner ? { changeId, type: "upsert", learnerId: r.learnerId, learner } : { changeId, type: "remove", learnerId: r.learnerId };
    });
  const nextCursor = page.at(-1)?.id.toString() ?? query.cursor;
  const learnerIds = [...last.keys()];
  return answer({ changes, nextCursor, hasMore }, learnerIds, { cursor: query.cursor, nextCursor, changes: changes.length });
}
