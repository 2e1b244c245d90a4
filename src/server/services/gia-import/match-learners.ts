// Finding the learner a ГИА row is about. By SNILS only: the registry keeps a
// keyed blind index of every SNILS (one equality per row on an index), while
// identity-document numbers are stored encrypted with no index at all, so a
// row with only a document cannot be looked up (parse-row.ts says so per row).
//
// Scope: a region-level officer reaches every learner of the region; a
// municipal officer only learners held by an organisation of its municipality
// (relationshipOf, the one place that decides it). A SNILS outside the scope
// is answered exactly like an unknown one, so a file cannot probe who exists
// elsewhere.
import type { Scope } from "../../authz/scope";
import { enrolmentFactsSelect, relationshipOf, type EnrolmentFacts } from "../../authz/relationship";
import type { DbTx } from "../../db";
import { idsBySnilsIndex } from "../learners/import/find-existing";
import { snilsIndexOf } from "../person/identity-fields";

const HELD = new Set(["ACTIVE", "PENDING_TRANSFER"]);
const CHUNK = 1000;

export interface CandidateEnrolment extends EnrolmentFacts {
  enrolledAt: Date;
  organisation: { municipalityId: string; shortName: string };
}

export interface Candidate {
  id: string;
  regionId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  snilsIndex: string | null;
  enrolments: CandidateEnrolment[];
}

export type Match =
  | { kind: "matched"; learner: Candidate; organisation: { id: string; shortName: string } }
  | { kind: "unmatched" | "ambiguous" | "lastName" | "noOrganisation" };

/** Learners holding any of these SNILS (11 digits), by blind index, with what matching needs. */
export async function loadCandidates(tx: DbTx, snilsList: readonly string[]): Promise<Map<string, Candidate[]>> {
  const indexes = [...new Set(snilsList.map(snilsIndexOf))];
  const ids = await idsBySnilsIndex(tx, "Learner", indexes);
  const bySnilsIndex = new Map<string, Candidate[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx.learner.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) } },
      select: {
        id: true, regionId: true, lastName: true, firstName: true, middleName: true, snilsIndex: true,
        enrolments: { select: { ...enrolmentFactsSelect, enrolledAt: true, organisation: { select: { municipalityId: true, shortName: true } } } },
      },
    });
    for (const row of rows) {
      if (!row.snilsIndex) continue;
      bySnilsIndex.set(row.snilsIndex, [...(bySnilsIndex.get(row.snilsIndex) ?? []), row]);
    }
  }
  return bySnilsIndex;
}

/** Case, ё/е, spaces and dash variants do not matter when the file's last name is checked. */
export const sameLastName = (a: string, b: string) => {
  const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
};

/**
 * The organisation a result is written for: the one holding the learner on a
 * basic programme now, else the one of the learner's latest enrolment (a
 * graduate who has left by the time the results arrive). Cancelled enrolments
 * never took effect and do not count.
 */
export function holdingOrganisation(enrolments: readonly CandidateEnrolment[]): { id: string; shortName: string } | null {
  const standing = enrolments.filter((e) => e.cancelledAt === null);
  const held = standing.find((e) => e.isBasic && HELD.has(e.status));
  const latest = (list: CandidateEnrolment[]) => list.reduce<CandidateEnrolment | undefined>((best, e) => (!best || e.enrolledAt > best.enrolledAt ? e : best), undefined);
  const chosen = held ?? latest(standing.filter((e) => e.isBasic)) ?? latest(standing);
  return chosen ? { id: chosen.organisationId, shortName: chosen.organisation.shortName } : null;
}

/** The one learner of `scope` a row names, or why there is none. */
export function matchRow(row: { snils: string; lastName: string }, candidates: readonly Candidate[], scope: Scope): Match {
  const reachable = candidates.filter((c) => relationshipOf(scope, c.regionId, c.enrolments) === "OVERSIGHT");
  if (reachable.length === 0) return { kind: "unmatched" };
  if (reachable.length > 1) return { kind: "ambiguous" };
  const learner = reachable[0]!;
  if (!sameLastName(learner.lastName, row.lastName)) return { kind: "lastName" };
  const organisation = holdingOrganisation(learner.enrolments);
  return organisation ? { kind: "matched", learner, organisation } : { kind: "noOrganisation" };
}
