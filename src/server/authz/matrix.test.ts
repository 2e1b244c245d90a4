// Table-driven test of every cell of the access matrix against the domain
// reference (docs/domain.md, "Roles, scopes and the access matrix"). A change to a right must change this table.
import { describe, expect, it } from "vitest";
import {
  ACCESS_MATRIX,
  allowedScopes,
  allowsStage,
  CAPABILITIES,
  hasCapability,
  portalOf,
  requiresSecondFactor,
  ROLES,
  STAGES,
  stageAccess,
  type Capability,
  type Role,
  type Stage,
  type StageAccess,
} from "./matrix";

const EXPECTED_STAGES: Record<Role, Record<Stage, StageAccess>> = {
  SCHOOL_ADMIN: { PERSONAL: "write", HEALTH: "read", PORTFOLIO: "write" },
  SCHOOL_REGISTRAR: { PERSONAL: "write", HEALTH: "none", PORTFOLIO: "write" },
  SCHOOL_MEDIC: { PERSONAL: "identity", HEALTH: "write", PORTFOLIO: "none" },
  EDU_OFFICER: { PERSONAL: "read", HEALTH: "aggregate", PORTFOLIO: "read" },
  HEALTH_OFFICER: { PERSONAL: "identity", HEALTH: "read", PORTFOLIO: "none" },
  SYSTEM_ADMIN: { PERSONAL: "none", HEALTH: "none", PORTFOLIO: "none" },
  AUDITOR: { PERSONAL: "none", HEALTH: "none", PORTFOLIO: "none" },
};

const EXPECTED_CAPABILITIES: Record<Role, Capability[]> = {
  SCHOOL_ADMIN: ["staff.manage", "movement.write", "import.run", "dataQuality.read"],
  SCHOOL_REGISTRAR: ["movement.write", "import.run", "dataQuality.read"],
  SCHOOL_MEDIC: [],
  EDU_OFFICER: ["organisations.manage", "reports.read", "dataQuality.read", "transfers.oversee", "referenceData.manage", "giaResults.import", "apiClients.approve", "accounts.approve.education", "territories.manage", "childrenAccount.manage"],
  HEALTH_OFFICER: ["healthStats.read", "accounts.approve.health"],
  SYSTEM_ADMIN: ["users.manage", "apiClients.manage", "auditVerification.read"],
  AUDITOR: ["audit.read", "auditVerification.read"],
};

const EXPECTED_PORTAL = {
  SCHOOL_ADMIN: "school",
  SCHOOL_REGISTRAR: "school",
  SCHOOL_MEDIC: "school",
  EDU_OFFICER: "ministry",
  HEALTH_OFFICER: "health",
  SYSTEM_ADMIN: "admin",
  AUDITOR: "admin",
} as const;

const EXPECTED_SCOPES = {
  SCHOOL_ADMIN: ["ORGANISATION"],
  SCHOOL_REGISTRAR: ["ORGANISATION"],
  SCHOOL_MEDIC: ["ORGANISATION"],
  EDU_OFFICER: ["REGION", "MUNICIPALITY"],
  HEALTH_OFFICER: ["REGION"],
  SYSTEM_ADMIN: ["REGION"],
  AUDITOR: ["REGION"],
};

// What each level grants, cumulatively.
const GRANTS: Record<StageAccess, Exclude<StageAccess, "none">[]> = {
  none: [],
  aggregate: ["aggregate"],
  identity: ["aggregate", "identity"],
  read: ["aggregate", "identity", "read"],
  write: ["aggregate", "identity", "read", "write"],
};
const NEEDS = ["aggregate", "identity", "read", "write"] as const;

describe("access matrix", () => {
  it("covers exactly the seven roles", () => {
    expect(Object.keys(ACCESS_MATRIX).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    for (const stage of STAGES) {
      it(`${role} × ${stage} = ${EXPECTED_STAGES[role][stage]}`, () => {
        expect(stageAccess(role, stage)).toBe(EXPECTED_STAGES[role][stage]);
        for (const need of NEEDS) {
          expect(allowsStage(role, stage, need), `${need}`).toBe(GRANTS[EXPECTED_STAGES[role][stage]].includes(need));
        }
      });
    }
    for (const capability of CAPABILITIES) {
      const expected = EXPECTED_CAPABILITIES[role].includes(capability);
      it(`${role} ${expected ? "has" : "lacks"} ${capability}`, () => {
        expect(hasCapability(role, capability)).toBe(expected);
      });
    }
    it(`${role} lands in /${EXPECTED_PORTAL[role]} with scopes ${EXPECTED_SCOPES[role].join(", ")}`, () => {
      expect(portalOf(role)).toBe(EXPECTED_PORTAL[role]);
      expect([...allowedScopes(role)].sort()).toEqual([...EXPECTED_SCOPES[role]].sort());
    });
  }

  it("requires a second factor exactly for the regional roles", () => {
    const required = ROLES.filter((role) => requiresSecondFactor(role));
    expect(required.sort()).toEqual(["AUDITOR", "EDU_OFFICER", "HEALTH_OFFICER", "SYSTEM_ADMIN"]);
    expect(requiresSecondFactor("GHOST" as Role)).toBe(true);
  });

  it("denies an unknown role instead of throwing", () => {
    const ghost = "GHOST" as Role;
    expect(stageAccess(ghost, "PERSONAL")).toBe("none");
    expect(allowsStage(ghost, "PERSONAL", "aggregate")).toBe(false);
    expect(hasCapability(ghost, "users.manage")).toBe(false);
    expect(hasCapability("SYSTEM_ADMIN", "toString" as Capability)).toBe(false);
    expect(portalOf("__proto__" as Role)).toBeUndefined();
  });

  it("health data is never written outside the school medic", () => {
    expect(ROLES.filter((r) => allowsStage(r, "HEALTH", "write"))).toEqual(["SCHOOL_MEDIC"]);
  });
});
