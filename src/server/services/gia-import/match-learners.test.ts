// Matching a ГИА row to a learner without a database: the rules that decide
// unmatched, ambiguous (a SNILS held by two records — the registry's claim
// table prevents it, so only this test can build it), the last-name check and
// the organisation a result is written for.
import { describe, expect, it } from "vitest";
import type { Scope } from "../../authz/scope";
import { holdingOrganisation, matchRow, type Candidate, type CandidateEnrolment } from "./match-learners";

const REGION: Scope = { kind: "REGION", regionId: "r1" };
const MUNICIPAL: Scope = { kind: "MUNICIPALITY", regionId: "r1", municipalityId: "m1" };
const enrolment = (over: Partial<CandidateEnrolment> = {}): CandidateEnrolment => ({
  organisationId: "school-a", isBasic: true, status: "ACTIVE", cancelledAt: null, enrolledAt: new Date("2020-09-01"),
  organisation: { municipalityId: "m1", shortName: "Школа А" }, ...over,
});
const learner = (id: string, enrolments = [enrolment()], over: Partial<Candidate> = {}): Candidate => ({
  id, regionId: "r1", lastName: "Иванов", firstName: "Пётр", middleName: null, snilsIndex: "x", enrolments, ...over,
});
const row = { snils: "11223344595", lastName: "иванов" };

describe("matchRow", () => {
  it("matches one learner of the scope, ignoring case in the last name", () => {
    expect(matchRow(row, [learner("l1")], REGION)).toMatchObject({ kind: "matched", learner: { id: "l1" }, organisation: { id: "school-a" } });
    expect(matchRow({ ...row, lastName: "Иванов-Петров" }, [learner("l1")], REGION)).toEqual({ kind: "lastName" });
    expect(matchRow({ ...row, lastName: "Семёнов" }, [learner("l1", undefined, { lastName: "Семенов" })], REGION).kind).toBe("matched");
  });

  it("two learners with the SNILS are ambiguous; none, another region or outside the municipality is unmatched", () => {
    expect(matchRow(row, [learner("l1"), learner("l2")], REGION)).toEqual({ kind: "ambiguous" });
    expect(matchRow(row, [], REGION)).toEqual({ kind: "unmatched" });
    expect(matchRow(row, [learner("l1", undefined, { regionId: "r2" })], REGION)).toEqual({ kind: "unmatched" });
    const elsewhere = learner("l1", [enrolment({ organisation: { municipalityId: "m2", shortName: "Школа Б" } })]);
    expect(matchRow(row, [elsewhere], MUNICIPAL)).toEqual({ kind: "unmatched" });
    // Out of the municipality's reach, the second record does not make the row ambiguous there.
    expect(matchRow(row, [learner("l1"), elsewhere], MUNICIPAL).kind).toBe("matched");
  });

  it("a learner without any enrolment has no organisation to write for", () => {
    expect(matchRow(row, [learner("l1", [])], REGION)).toEqual({ kind: "noOrganisation" });
  });
});

describe("holdingOrganisation", () => {
  it("the active basic enrolment, else the latest basic one, never a cancelled one", () => {
    const left = enrolment({ organisationId: "old", status: "EXPELLED", enrolledAt: new Date("2015-09-01") });
    const last = enrolment({ organisationId: "last", status: "GRADUATED", enrolledAt: new Date("2021-09-01") });
    const cancelled = enrolment({ organisationId: "cancelled", status: "ACTIVE", cancelledAt: new Date(), enrolledAt: new Date("2022-09-01") });
    const club = enrolment({ organisationId: "club", isBasic: false, enrolledAt: new Date("2023-09-01") });
    expect(holdingOrganisation([left, enrolment({ organisationId: "now" }), last])?.id).toBe("now");
    expect(holdingOrganisation([left, last, cancelled, club])?.id).toBe("last");
    expect(holdingOrganisation([cancelled])).toBeNull();
  });
});
