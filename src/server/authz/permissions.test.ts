// Each named check against a hand-written table of the roles it admits (at a
// scope the role may hold); every other role must be refused. The table is
// written out, not derived from the matrix, so a check that drifts — or a
// matrix change that widens a rule — fails here and has to be decided.
import { describe, expect, it } from "vitest";
import { allowedScopes, ROLES, SCOPE_KINDS, type Role, type ScopeKind } from "./matrix";
import { permits, PERMISSIONS, type Permission } from "./permissions";

type Check = keyof typeof PERMISSIONS;

const ADMITTED: Record<Check, readonly Role[]> = {
  canReadReports: ["EDU_OFFICER"],
  canReadHealthStats: ["HEALTH_OFFICER"],
  canReadHealthAggregates: ["EDU_OFFICER"],
  canExportHealthStats: ["EDU_OFFICER", "HEALTH_OFFICER"],
  canExportHealthList: ["HEALTH_OFFICER"],
  canReadAccessReports: ["AUDITOR"],
  canImportLearners: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR"],
  canExportLearners: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR"],
  canExportFrdo: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR", "EDU_OFFICER"],
  canReadQualityOverview: ["EDU_OFFICER"],
  canApproveAccounts: ["EDU_OFFICER", "HEALTH_OFFICER"],
  canImportGiaResults: ["EDU_OFFICER"],
  canReadGiaResults: ["EDU_OFFICER"],
  canIssueStudyCertificates: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR"],
  canReadClassPerformance: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR"],
  canReadTerritoryPerformance: ["EDU_OFFICER"],
  canManageReferenceData: ["EDU_OFFICER"],
  canManageTerritories: ["EDU_OFFICER"],
  canManageChildrenAccount: ["EDU_OFFICER"],
  canSuggestAddresses: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR", "EDU_OFFICER"],
  canFixLearnerAddresses: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR"],
};
/** Checks that admit a role at some of its scopes only: the scopes they admit it at. */
const ONLY_AT: Partial<Record<Check, readonly ScopeKind[]>> = {
  canManageReferenceData: ["REGION"],
};

const subject = (role: Role, kind: ScopeKind) => ({ role, scope: { kind } });

describe("named permission checks", () => {
  it("every check has a row in the table", () => {
    expect(Object.keys(ADMITTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [name, check] of Object.entries(PERMISSIONS) as [Check, Permission][]) {
    describe(name, () => {
      for (const role of ROLES) {
        const expected = ADMITTED[name].includes(role);
        it(`${expected ? "admits" : "refuses"} ${role} at each scope the role may hold`, () => {
          for (const kind of allowedScopes(role)) {
            const atScope = expected && (ONLY_AT[name]?.includes(kind) ?? true);
            expect(permits(check, subject(role, kind)), kind).toBe(atScope);
          }
        });
      }
    });
  }

  it("school files need a school's scope, ministry reports refuse one", () => {
    // Scopes a role may not hold never reach a check (scopeOf refuses them); the checks refuse them too.
    for (const kind of SCOPE_KINDS.filter((k) => k !== "ORGANISATION")) {
      expect(permits(PERMISSIONS.canImportLearners, subject("SCHOOL_ADMIN", kind))).toBe(false);
      expect(permits(PERMISSIONS.canExportLearners, subject("SCHOOL_REGISTRAR", kind))).toBe(false);
    }
    expect(permits(PERMISSIONS.canReadReports, subject("EDU_OFFICER", "ORGANISATION"))).toBe(false);
  });

  it("denies on doubt: an unknown role or a missing subject is refused, never thrown", () => {
    for (const check of Object.values(PERMISSIONS)) {
      expect(permits(check, subject("NOBODY" as Role, "REGION"))).toBe(false);
      expect(permits(check, null as never)).toBe(false);
    }
  });
});
