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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcomeValue = "SUCCESS" | "FAILURE" | "DENIED";
