// Every audit action the system records. Adding an action here is the only
// way to record it: the recorder accepts nothing else.
export const AUDIT_ACTIONS = [
  "auth.login.success",
  "auth.login.failure",
  "auth.logout",
  "access.denied",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.activate",
  "audit.log.read",
  "audit.chain.verify",
  "learner.list.read",
  "learner.search",
  "learner.card.read",
  "learner.create",
  "learner.update",
  "learner.representative.add",
  "learner.representative.update",
  "learner.representative.unlink",
  "learner.consent.give",
  "learner.consent.withdraw",
  "learner.import",
  "learner.export",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcomeValue = "SUCCESS" | "FAILURE" | "DENIED";
