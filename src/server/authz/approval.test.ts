// Who approves which account under the two-person rule, cell by cell: derived
// from the access matrix, so a role that gains data access gains an approver.
import { describe, expect, it } from "vitest";
import { accountApprover, isDataRole, rolesApprovableBy } from "./approval";
import { ROLES, type Role } from "./matrix";

const EXPECTED: Record<Role, string | null> = {
  SCHOOL_ADMIN: "accounts.approve.education",
  SCHOOL_REGISTRAR: "accounts.approve.education",
  SCHOOL_MEDIC: "accounts.approve.health",
  EDU_OFFICER: "accounts.approve.education",
  HEALTH_OFFICER: "accounts.approve.health",
  SYSTEM_ADMIN: null,
  AUDITOR: "accounts.approve.education",
};

describe("two-person rule for accounts", () => {
  for (const role of ROLES) {
    it(`${role}: ${EXPECTED[role] ?? "no approval"}`, () => {
      expect(accountApprover(role)).toBe(EXPECTED[role]);
      expect(isDataRole(role)).toBe(EXPECTED[role] !== null && role !== "AUDITOR");
    });
  }

  it("education approves school and education roles, health approves health roles, nobody else approves", () => {
    expect(rolesApprovableBy("EDU_OFFICER").sort()).toEqual(["AUDITOR", "EDU_OFFICER", "SCHOOL_ADMIN", "SCHOOL_REGISTRAR"]);
    expect(rolesApprovableBy("HEALTH_OFFICER").sort()).toEqual(["HEALTH_OFFICER", "SCHOOL_MEDIC"]);
    for (const role of ["SYSTEM_ADMIN", "AUDITOR", "SCHOOL_ADMIN", "SCHOOL_REGISTRAR", "SCHOOL_MEDIC"] as const) {
      expect(rolesApprovableBy(role)).toEqual([]);
    }
  });

  it("an unknown role is treated as needing approval (deny on doubt)", () => {
    expect(accountApprover("GHOST" as Role)).toBe("accounts.approve.education");
  });
});
