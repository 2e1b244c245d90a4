// Every audit action the system records, with the area it belongs to (the
// auditor's filter groups by area). Adding an action here is the only way to
// record it: the recorder accepts nothing else, and the message catalogues
// (src/messages/audit-labels-*.ts) must then label it in Russian and English
// or the build fails. Pure data in src/lib: the auditor's pages filter and
// label by it in the browser, the recorder checks against it on the server.
export const AUDIT_AREAS = ["auth", "accounts", "audit", "learners", "movement", "health", "portfolio", "organisations", "reports", "api"] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export const AUDIT_ACTION_AREA = {
  "auth.login.success": "auth",
  "auth.login.failure": "auth",
  "auth.logout": "auth",
  "auth.login.refused": "auth",
  "auth.account.locked": "auth",
  "auth.ip.limited": "auth",
  "auth.second_factor.success": "auth",
  "auth.second_factor.failure": "auth",
  "auth.totp.enrol": "auth",
  "auth.password.change": "auth",
  "access.denied": "auth",
  "user.create": "accounts",
  "user.update": "accounts",
  "user.deactivate": "accounts",
  "user.activate": "accounts",
  "user.second_factor.reset": "accounts",
  "user.sessions.revoke": "accounts",
  "user.request.approve": "accounts",
  "user.request.reject": "accounts",
  "audit.log.read": "audit",
  "audit.chain.verify": "audit",
  // An auditor acknowledged a reported break of the audit chain, with a reason.
  "audit.chain.acknowledge": "audit",
  "audit.learner.lookup": "audit",
  "audit.report.learnerAccess.read": "audit",
  "audit.report.accountReads.read": "audit",
  "audit.report.export": "audit",
  "audit.apiClients.read": "audit",
  "learner.list.read": "learners",
  "quality.list.read": "learners",
  "learner.search": "learners",
  "learner.card.read": "learners",
  "learner.create": "learners",
  "learner.update": "learners",
  "learner.representative.add": "learners",
  "learner.representative.update": "learners",
  "learner.representative.unlink": "learners",
  "learner.consent.give": "learners",
  "learner.consent.withdraw": "learners",
  "learner.import": "learners",
  "learner.export": "learners",
  // The register of resident children (issue 22): the import, the list (names its matched learners), the education form, moved away.
  "residents.import": "learners",
  "residents.list": "learners",
  "residents.educationForm": "learners",
  "residents.left": "learners",
  "residents.rematch": "learners",
  // Learners' structured addresses (issue 22): the school's list of addresses not found in ГАР, a correction, the operator's re-matching.
  "learner.address.list.read": "learners",
  "learner.address.fix": "learners",
  "learner.address.match": "learners",
  "movement.enrol": "movement",
  "movement.transfer.start": "movement",
  "movement.transfer.accept": "movement",
  "movement.transfer.reject": "movement",
  "movement.transfer.read": "movement",
  "movement.event": "movement",
  "movement.cancel": "movement",
  "movement.rollover": "movement",
  "movement.rollover.preview": "movement",
  "learner.trajectory.read": "movement",
  "learner.health.read": "health",
  "learner.health.write": "health",
  "health.export": "health",
  "learner.portfolio.read": "portfolio",
  "learner.portfolio.write": "portfolio",
  // The exam centre's ГИА results file checked (dry run) or loaded: counts, file name, the learners matched.
  "gia.import": "portfolio",
  // A school read the marks of one class's learners (the performance view, issue 21).
  "performance.class.read": "portfolio",
  // Справка об обучении (issue 21): issued (numbered), the learner's list or the register read, re-printed, register exported.
  "studyCertificate.issue": "portfolio",
  "studyCertificate.read": "portfolio",
  "studyCertificate.print": "portfolio",
  "studyCertificate.register.export": "portfolio",
  "organisation.create": "organisations",
  "organisation.update": "organisations",
  "organisation.close": "organisations",
  "programme.create": "organisations",
  "programme.update": "organisations",
  "class.create": "organisations",
  "class.delete": "organisations",
  // The subjects vocabulary: a subject added or changed, free text mapped to one.
  "subject.create": "organisations",
  "subject.update": "organisations",
  "subject.text.map": "organisations",
  // Territories assigned to schools (issue 22): not personal data, but legally significant decisions.
  "territory.order.create": "organisations",
  "territory.order.delete": "organisations",
  "territory.assignment.add": "organisations",
  "territory.assignment.remove": "organisations",
  "territory.assignments.copy": "organisations",
  "territory.places.set": "organisations",
  "report.export": "reports",
  // The municipal account of children (issue 22): lists name their learners; the forecast is counts.
  "childrenAccount.list.read": "learners",
  "childrenAccount.list.export": "learners",
  "childrenAccount.forecast.read": "reports",
  "childrenAccount.forecast.export": "reports",
  // ФИС ФРДО: the check's failing certificates listed on screen, and the file (decrypted SNILS).
  "frdo.check": "portfolio",
  "frdo.export": "portfolio",
  "dashboard.classlist.read": "reports",
  "apiClient.create": "api",
  "apiClient.token.rotate": "api",
  "apiClient.revoke": "api",
  // Two-person rule: the second person's decision on a pending client or account request.
  "apiClient.approve": "api",
  "apiClient.reject": "api",
  // One per machine-client call to /api/v1 (endpoint, learners touched, outcome).
  "api.ejournal.classes.read": "api",
  "api.ejournal.learners.read": "api",
  "api.ejournal.grades.push": "api",
  "api.publicServices.performance.read": "api",
  "api.federal.changes.read": "api",
  "api.request.denied": "api",
} as const satisfies Record<string, AuditArea>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_AREA) as (keyof typeof AUDIT_ACTION_AREA)[];

export type AuditAction = keyof typeof AUDIT_ACTION_AREA;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_AREA, value);
}
export type AuditOutcomeValue = "SUCCESS" | "FAILURE" | "DENIED";

/**
 * The data stage an action touches, for the auditor's access reports. Actions
 * absent here touch no learner data (sign-in, accounts, organisations…).
 */
export type AuditStage = "personal" | "health" | "portfolio";
export const AUDIT_ACTION_STAGE: Partial<Record<AuditAction, AuditStage>> = {
  "learner.list.read": "personal",
  "quality.list.read": "personal",
  "learner.search": "personal",
  "learner.card.read": "personal",
  "learner.create": "personal",
  "learner.update": "personal",
  "learner.representative.add": "personal",
  "learner.representative.update": "personal",
  "learner.representative.unlink": "personal",
  "learner.consent.give": "personal",
  "learner.consent.withdraw": "personal",
  "learner.import": "personal",
  "learner.export": "personal",
  "residents.import": "personal",
  "residents.list": "personal",
  "residents.educationForm": "personal",
  "residents.left": "personal",
  "residents.rematch": "personal",
  "learner.address.list.read": "personal",
  "learner.address.fix": "personal",
  "learner.address.match": "personal",
  "health.export": "health",
  "movement.enrol": "personal",
  "movement.transfer.start": "personal",
  "movement.transfer.accept": "personal",
  "movement.transfer.reject": "personal",
  "movement.transfer.read": "personal",
  "movement.event": "personal",
  "movement.cancel": "personal",
  "learner.trajectory.read": "personal",
  "learner.portfolio.read": "portfolio",
  "learner.portfolio.write": "portfolio",
  "frdo.check": "personal",
  "frdo.export": "personal",
  "gia.import": "portfolio",
  "performance.class.read": "portfolio",
  "studyCertificate.issue": "portfolio",
  "studyCertificate.read": "portfolio",
  "studyCertificate.print": "portfolio",
  "studyCertificate.register.export": "portfolio",
  "learner.health.read": "health",
  "learner.health.write": "health",
  "dashboard.classlist.read": "personal",
  "movement.rollover.preview": "personal",
  "api.ejournal.learners.read": "personal",
  "api.ejournal.grades.push": "portfolio",
  "api.publicServices.performance.read": "portfolio",
  "api.federal.changes.read": "personal",
};

/** Reads (not changes) of learner data: what "what did this account read" lists. */
export const LEARNER_READ_ACTIONS = [
  "learner.list.read",
  "quality.list.read",
  "learner.search",
  "learner.card.read",
  "learner.export",
  "learner.address.list.read",
  "health.export",
  "movement.transfer.read",
  "learner.trajectory.read",
  "learner.portfolio.read",
  "frdo.check",
  "frdo.export",
  "performance.class.read",
  "learner.health.read",
  "dashboard.classlist.read",
  "movement.rollover.preview",
  "api.ejournal.learners.read",
  "api.publicServices.performance.read",
  "api.federal.changes.read",
  "studyCertificate.read",
  "studyCertificate.print",
  "studyCertificate.register.export",
  "residents.list",
] as const satisfies readonly AuditAction[];

export function stageOfAction(action: string): AuditStage | null {
  return (AUDIT_ACTION_STAGE as Record<string, AuditStage | undefined>)[action] ?? null;
}
