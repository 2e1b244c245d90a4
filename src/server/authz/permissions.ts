// Named permission checks: each rule that combines parts of the access matrix
// (a capability with a portal, a stage with a scope kind) gets one name here,
// and every door that applies the rule calls that name — the tRPC procedure
// (permittedProcedure in ../trpc/init.ts), the file route handler (routeDoor's
// `allowed`), the page guard and the service alike. Built only from the
// matrix: a role's rights are still written nowhere else. A single
// capability or stage needs no name; capabilityProcedure and stageProcedure
// ask the matrix directly.
import { allowsLearnerStage, allowsStage, hasCapability, portalOf, type Role, type ScopeKind } from "./matrix";

/** What a check reads of the signed-in account; the portal follows from the role. */
export interface PermissionSubject {
  role: Role;
  scope: { kind: ScopeKind };
}

export type Permission = (subject: PermissionSubject) => boolean;

const inPortal = (subject: PermissionSubject, portal: ReturnType<typeof portalOf>) => portalOf(subject.role) === portal;
const atSchool = (subject: PermissionSubject) => subject.scope.kind === "ORGANISATION";

/**
 * The ministry's statistical reports and dashboards, on screen and as XLSX/PDF:
 * reports capability, ministry portal, a region or municipality (never a
 * school's scope, although school heads never hold the capability today).
 */
export const canReadReports: Permission = (s) => inPortal(s, "ministry") && hasCapability(s.role, "reports.read") && !atSchool(s);

/** Exact health statistics (the Ministry of Health's portal): small numbers shown as they are. */
export const canReadHealthStats: Permission = (s) => hasCapability(s.role, "healthStats.read");

/**
 * Health statistics as aggregates with small numbers hidden (education
 * officers): HEALTH at "aggregate" and the ministry portal — school staff
 * reach HEALTH too, but statistics are not theirs.
 */
export const canReadHealthAggregates: Permission = (s) => inPortal(s, "ministry") && allowsStage(s.role, "HEALTH", "aggregate");

/** The health statistics' XLSX: whoever reads them on screen, exact or aggregated. */
export const canExportHealthStats: Permission = (s) => canReadHealthStats(s) || canReadHealthAggregates(s);

/** The named list of one organisation's learners with their health groups: the health portal's HEALTH readers only. */
export const canExportHealthList: Permission = (s) => inPortal(s, "health") && allowsStage(s.role, "HEALTH", "read");

/** The auditor's access reports (who accessed a learner, what an account read), on screen and as files. */
export const canReadAccessReports: Permission = (s) => inPortal(s, "admin") && hasCapability(s.role, "audit.read");

/** The learner import and its template: the import capability, for one's own school. */
export const canImportLearners: Permission = (s) => atSchool(s) && hasCapability(s.role, "import.run");

/** The learner list's export: PERSONAL at "read" (the card's full fields), for one's own school. */
export const canExportLearners: Permission = (s) => atSchool(s) && allowsStage(s.role, "PERSONAL", "read");

/**
 * The ФИС ФРДО export of issued certificates: PORTFOLIO at "read" (the
 * certificate) with PERSONAL at "identity" (name, birth date, SNILS), from a
 * school (its own certificates) or the ministry portal (its municipality or region).
 */
export const canExportFrdo: Permission = (s) =>
  allowsStage(s.role, "PORTFOLIO", "read") && allowsStage(s.role, "PERSONAL", "identity") && (atSchool(s) || inPortal(s, "ministry"));

/** The ministry's data-quality counts per organisation; school heads hold the capability for their own list only. */
export const canReadQualityOverview: Permission = (s) => inPortal(s, "ministry") && hasCapability(s.role, "dataQuality.read");

/** Pending account requests: either ministry's approving capability (which requests it may decide is the service's part). */
export const canApproveAccounts: Permission = (s) =>
  hasCapability(s.role, "accounts.approve.education") || hasCapability(s.role, "accounts.approve.health");

/**
 * The справка об обучении (issue 21) and its register: the school's own
 * document, issued by staff who read the learner's marks (PORTFOLIO at "read").
 * Which learners (the holding or a former school, never an additional-programme
 * one) is the service's part, through the relationship.
 */
export const canIssueStudyCertificates: Permission = (s) => inPortal(s, "school") && atSchool(s) && allowsStage(s.role, "PORTFOLIO", "read");

/**
 * The school's performance view of a class (issue 21): a school role that may
 * read the portfolio stage (marks) of a learner its school holds — the
 * relationship ceiling applied to the role, never a list of roles.
 */
export const canReadClassPerformance: Permission = (s) =>
  inPortal(s, "school") && atSchool(s) && allowsLearnerStage(s.role, "HOLDING", "PORTFOLIO", "read");

/** The ministry's performance view by territory and its files: the reports' rule, and marks at least as aggregates. */
export const canReadTerritoryPerformance: Permission = (s) => canReadReports(s) && allowsStage(s.role, "PORTFOLIO", "aggregate");

/** The ministry's ГИА results by subject and territory and their files (issue 21): the reports' rule, and exam results at least as aggregates. */
export const canReadGiaResults: Permission = (s) => canReadReports(s) && allowsStage(s.role, "PORTFOLIO", "aggregate");

/**
 * The ГИА results import from the exam centre's files (issue 21): the import
 * capability, in the ministry portal, at a region or municipality scope
 * (which learners a municipality's officer reaches is the service's part).
 */
export const canImportGiaResults: Permission = (s) => inPortal(s, "ministry") && !atSchool(s) && hasCapability(s.role, "giaResults.import");

/**
 * The subjects vocabulary (issue 21): the reference-data capability at a
 * region's scope — the vocabulary is the whole region's, so a municipality's
 * officer, who holds the capability, neither sees nor changes it.
 */
export const canManageReferenceData: Permission = (s) => hasCapability(s.role, "referenceData.manage") && s.scope.kind === "REGION";

/**
 * Territories assigned to schools and their first-grade places (issue 22):
 * the ministry portal's territories capability, at a municipality (its own
 * schools) or the region; which municipality is the service's part.
 */
export const canManageTerritories: Permission = (s) => inPortal(s, "ministry") && !atSchool(s) && hasCapability(s.role, "territories.manage");

/**
 * The register of resident children, the municipal account of children and the
 * admission forecast (issue 22): children's personal data outside any school,
 * so the ministry portal's capability with PERSONAL at "read", never a school.
 */
export const canManageChildrenAccount: Permission = (s) =>
  inPortal(s, "ministry") && !atSchool(s) && hasCapability(s.role, "childrenAccount.manage") && allowsStage(s.role, "PERSONAL", "read");

/**
 * Suggestions from the address directory (ГАР): whoever types an address —
 * school staff who write learners' personal data, and the officers who keep
 * territories or the register of children. The directory is public data, but
 * not everyone's to query.
 */
export const canSuggestAddresses: Permission = (s) =>
  (inPortal(s, "school") && allowsStage(s.role, "PERSONAL", "write")) || canManageTerritories(s) || canManageChildrenAccount(s);

/** A school's learners' addresses not found in the directory, and their correction: PERSONAL at "write", at one's own school. */
export const canFixLearnerAddresses: Permission = (s) => inPortal(s, "school") && atSchool(s) && allowsStage(s.role, "PERSONAL", "write");

/** Every named check, for the table-driven test. */
export const PERMISSIONS = {
  canReadReports,
  canReadHealthStats,
  canReadHealthAggregates,
  canExportHealthStats,
  canExportHealthList,
  canReadAccessReports,
  canImportLearners,
  canExportLearners,
  canExportFrdo,
  canReadQualityOverview,
  canApproveAccounts,
  canImportGiaResults,
  canIssueStudyCertificates,
  canReadClassPerformance,
  canReadTerritoryPerformance,
  canReadGiaResults,
  canManageReferenceData,
  canManageTerritories,
  canManageChildrenAccount,
  canSuggestAddresses,
  canFixLearnerAddresses,
} as const satisfies Record<string, Permission>;

/** Deny on doubt: a check that throws (a malformed subject) refuses. */
export function permits(check: Permission, subject: PermissionSubject): boolean {
  try {
    return check(subject) === true;
  } catch {
    return false;
  }
}
