// The matrix's second axis, cell by cell: what each school role gets of a
// learner under each relationship (the relationship table in docs/domain.md). A
// change to a relationship's rights must change this table.
import { describe, expect, it } from "vitest";
import { learnerStageAccess, RELATIONSHIP_ACCESS, RELATIONSHIPS, type Relationship, type Role, type StageAccess } from "./matrix";
import { relationshipOf, type EnrolmentFacts } from "./relationship";
import type { Scope } from "./scope";

type Row = [PERSONAL: StageAccess, HEALTH: StageAccess, PORTFOLIO: StageAccess];
const EXPECTED: Record<Relationship, Partial<Record<Role, Row>>> = {
  HOLDING: {
    SCHOOL_ADMIN: ["write", "read", "write"],
    SCHOOL_REGISTRAR: ["write", "none", "write"],
    SCHOOL_MEDIC: ["identity", "write", "none"],
  },
  ADDITIONAL: {
    SCHOOL_ADMIN: ["identity", "none", "write"],
    SCHOOL_REGISTRAR: ["identity", "none", "write"],
    SCHOOL_MEDIC: ["identity", "none", "none"],
  },
  FORMER: {
    SCHOOL_ADMIN: ["identity", "none", "read"],
    SCHOOL_REGISTRAR: ["identity", "none", "read"],
    SCHOOL_MEDIC: ["identity", "none", "none"],
  },
  OVERSIGHT: {
    EDU_OFFICER: ["read", "aggregate", "read"],
    HEALTH_OFFICER: ["identity", "read", "none"],
    SYSTEM_ADMIN: ["none", "none", "none"],
    AUDITOR: ["none", "none", "none"],
  },
  NONE: {
    SCHOOL_ADMIN: ["none", "none", "none"],
    SCHOOL_MEDIC: ["none", "none", "none"],
    EDU_OFFICER: ["none", "none", "none"],
  },
};

const EXPECTED_RULES: Record<Relationship, { records: string; representatives: string; portfolioWrites: string[] }> = {
  HOLDING: { records: "all", representatives: "full", portfolioWrites: ["achievement", "exam", "grade", "certificate"] },
  ADDITIONAL: { records: "own", representatives: "contacts", portfolioWrites: ["achievement", "grade"] },
  FORMER: { records: "own", representatives: "none", portfolioWrites: [] },
  OVERSIGHT: { records: "all", representatives: "full", portfolioWrites: ["achievement", "exam", "grade", "certificate"] },
  NONE: { records: "own", representatives: "none", portfolioWrites: [] },
};

describe("relationship axis of the access matrix", () => {
  for (const relationship of RELATIONSHIPS) {
    for (const [role, row] of Object.entries(EXPECTED[relationship]) as [Role, Row][]) {
      it(`${role} under ${relationship}: ${row.join(" / ")}`, () => {
        expect([learnerStageAccess(role, relationship, "PERSONAL"), learnerStageAccess(role, relationship, "HEALTH"), learnerStageAccess(role, relationship, "PORTFOLIO")]).toEqual(row);
      });
    }
    it(`${relationship}: records, representatives and portfolio writes`, () => {
      const { records, representatives, portfolioWrites } = RELATIONSHIP_ACCESS[relationship];
      expect({ records, representatives, portfolioWrites: [...portfolioWrites] }).toEqual(EXPECTED_RULES[relationship]);
    });
  }
  it("an unknown relationship gives nothing", () => {
    expect(learnerStageAccess("SCHOOL_ADMIN", "GHOST" as Relationship, "PERSONAL")).toBe("none");
  });
});

const school: Scope = { kind: "ORGANISATION", regionId: "r", municipalityId: "m1", organisationId: "own" };
const at = (organisationId: string, status: string, isBasic = true, cancelled = false, municipalityId = "m1"): EnrolmentFacts => ({
  organisationId,
  status,
  isBasic,
  cancelledAt: cancelled ? new Date() : null,
  organisation: { municipalityId },
});

describe("relationshipOf", () => {
  it.each([
    ["active basic here", [at("own", "ACTIVE")], "HOLDING"],
    ["transfer out pending here", [at("own", "PENDING_TRANSFER")], "HOLDING"],
    ["additional here, basic elsewhere", [at("own", "ACTIVE", false), at("other", "ACTIVE")], "ADDITIONAL"],
    ["additional here, ended elsewhere", [at("own", "ACTIVE", false), at("other", "ENDED")], "ADDITIONAL"],
    ["additional here and nowhere else ever (a club's own pupil)", [at("own", "ACTIVE", false)], "HOLDING"],
    ["additional here, a cancelled one elsewhere", [at("own", "ACTIVE", false), at("other", "ENDED", true, true)], "HOLDING"],
    ["ended here, active elsewhere", [at("own", "ENDED"), at("other", "ACTIVE")], "FORMER"],
    ["ended additional here", [at("own", "ENDED", false)], "FORMER"],
    ["cancelled here", [at("own", "ENDED", false, true), at("other", "ACTIVE")], "NONE"],
    ["cancelled here, an ended one too", [at("own", "ENDED", false, true), at("own", "ENDED")], "FORMER"],
    ["active elsewhere only", [at("other", "ACTIVE")], "NONE"],
    ["ended here, active here again", [at("own", "ENDED"), at("own", "ACTIVE")], "HOLDING"],
    ["no enrolments", [], "NONE"],
  ] as const)("%s → %s", (_, enrolments, expected) => {
    expect(relationshipOf(school, "r", [...enrolments])).toBe(expected);
  });

  it("gives nothing in another region, whatever the enrolments", () => {
    expect(relationshipOf(school, "other-region", [at("own", "ACTIVE")])).toBe("NONE");
    expect(relationshipOf({ kind: "REGION", regionId: "r" }, "other-region", [])).toBe("NONE");
  });

  it("oversees a municipality's held learners only", () => {
    const municipality: Scope = { kind: "MUNICIPALITY", regionId: "r", municipalityId: "m1" };
    expect(relationshipOf(municipality, "r", [at("x", "ACTIVE")])).toBe("OVERSIGHT");
    expect(relationshipOf(municipality, "r", [at("x", "ENDED")])).toBe("NONE");
    expect(relationshipOf(municipality, "r", [at("x", "ACTIVE", true, false, "m2")])).toBe("NONE");
    expect(relationshipOf({ kind: "REGION", regionId: "r" }, "r", [])).toBe("OVERSIGHT");
  });
});
