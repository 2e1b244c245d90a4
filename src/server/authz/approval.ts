// The two-person rule for accounts, read off the access matrix: an account
// whose role reaches any learner data (or, as the auditor, looks learners up)
// needs a second person's approval when it
// is created or its role or scope changes, and the approver is the holder of
// one capability (education or health). Region-level scope and "not the
// requester" are checked by the approvals service, which knows the request.
import { hasCapability, STAGES, stageAccess, type Capability, type Role } from "./matrix";

export type ApprovalCapability = Extract<Capability, "accounts.approve.education" | "accounts.approve.health">;

/** A role whose level is above "none" on any stage: it sees learner data. */
export function isDataRole(role: Role): boolean {
  return STAGES.some((stage) => stageAccess(role, stage) !== "none");
}

// School and education roles are approved by the Ministry of Education, health
// roles by the Ministry of Health: each knows whether the person should see its data.
const APPROVER: Record<Role, ApprovalCapability | null> = {
  SCHOOL_ADMIN: "accounts.approve.education",
  SCHOOL_REGISTRAR: "accounts.approve.education",
  EDU_OFFICER: "accounts.approve.education",
  SCHOOL_MEDIC: "accounts.approve.health",
  HEALTH_OFFICER: "accounts.approve.health",
  SYSTEM_ADMIN: null,
  // No stage, but the auditor's learner lookup shows a name, birth date and
  // school for a SNILS: an administrator must not make itself one.
  AUDITOR: "accounts.approve.education",
};

/**
 * The capability that approves an account with `role`, or null when none is
 * needed. Deny on doubt: a data role missing from the table (or an unknown
 * role) still needs the education ministry's approval.
 */
export function accountApprover(role: Role): ApprovalCapability | null {
  if (!Object.hasOwn(APPROVER, role)) return "accounts.approve.education";
  return APPROVER[role] ?? (isDataRole(role) ? "accounts.approve.education" : null);
}

/** Roles whose requests a holder of `role` may approve (given a region-level scope). */
export function rolesApprovableBy(role: Role): Role[] {
  return (Object.keys(APPROVER) as Role[]).filter((target) => {
    const needed = accountApprover(target);
    return needed !== null && hasCapability(role, needed);
  });
}
