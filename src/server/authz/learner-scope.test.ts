// The card's in-memory write rule must agree with learnerWriteWhere: only a
// school, and only for a learner it currently holds (active or leaving).
import { describe, expect, it } from "vitest";
import { mayWriteLearner } from "./learner-scope";
import type { Scope } from "./scope";

const school: Scope = { kind: "ORGANISATION", regionId: "r", municipalityId: "m", organisationId: "own" };
const at = (id: string, status: string) => ({ status, organisation: { id } });

describe("mayWriteLearner", () => {
  it.each([
    ["active here", [at("own", "ACTIVE")], true],
    ["leaving here (transfer pending)", [at("own", "PENDING_TRANSFER")], true],
    ["ended here, active elsewhere", [at("own", "ENDED"), at("other", "ACTIVE")], false],
    ["active elsewhere only", [at("other", "ACTIVE")], false],
    ["ended here, active here again", [at("own", "ENDED"), at("own", "ACTIVE")], true],
    ["no enrolments", [], false],
  ])("%s", (_, enrolments, expected) => {
    expect(mayWriteLearner(school, enrolments)).toBe(expected);
  });

  it("refuses municipality and region scopes, even for a held learner", () => {
    const held = [at("own", "ACTIVE")];
    expect(mayWriteLearner({ kind: "MUNICIPALITY", regionId: "r", municipalityId: "m" }, held)).toBe(false);
    expect(mayWriteLearner({ kind: "REGION", regionId: "r" }, held)).toBe(false);
  });
});
