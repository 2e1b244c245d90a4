// THE access matrix: who sees which data stage, within which scope, and which
// other capabilities each role has. Every authorization decision in the
// server reads this table; nothing else encodes a role's rights.
// Source: docs/domain.md, "Roles, scopes and the access matrix"; named checks
// combining its parts: ./permissions.ts.
import { ROLES, type Portal, type Role, type ScopeKind, type Stage } from "@/lib/roles";

export { ROLES, STAGES, SCOPE_KINDS, PORTALS } from "@/lib/roles";
export type { Portal, Role, ScopeKind, Stage } from "@/lib/roles";

/**
 * Ordered from least to most: each level includes the ones before it.
 * aggregate = counts by group, never a row per learner;
 * identity  = full name, birth date, sex, SNILS, current organisation, class.
 */
export const STAGE_ACCESS_LEVELS = ["none", "aggregate", "identity", "read", "write"] as const;
export type StageAccess = (typeof STAGE_ACCESS_LEVELS)[number];

export const CAPABILITIES = [
  "staff.manage", // accounts of the own organisation
  "movement.write", // movement orders
  "import.run", // bulk imports
  "organisations.manage", // organisations registry
  "reports.read", // statistical reports
  "dataQuality.read",
  "transfers.oversee",
  "healthStats.read",
  "users.manage", // all user accounts
  "apiClients.manage",
  "referenceData.manage", // the subjects vocabulary (the ministry; writes need a region-level scope)
  "giaResults.import", // the exam centre's ГИА results files (the ministry; a municipality's officer for its own learners)
  "territories.manage", // territories assigned to schools and first-grade places (a municipality's officer for its own schools)
  "childrenAccount.manage", // the register of resident children, the municipal account, the admission forecast (issue 22)
  "audit.read", // audit log, access reports, running chain verification
  "auditVerification.read", // results and history of the audit-chain verification runs
  // Two-person rule: the second person who lets a request take effect
  // (region-level scope is checked by the approvals service).
  "apiClients.approve", // machine clients (all of them read or write learner data)
  "accounts.approve.education", // accounts with school and education roles
  "accounts.approve.health", // accounts with health roles
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface RoleAccess {
  portal: Portal;
  /** Scope kinds an account of this role may be given. */
  scopes: readonly ScopeKind[];
  stages: Readonly<Record<Stage, StageAccess>>;
  capabilities: readonly Capability[];
  /** TOTP second factor: mandatory for regional roles, optional for school staff. */
  secondFactor: "required" | "optional";
}

export const ACCESS_MATRIX = {
  SCHOOL_ADMIN: {
    portal: "school",
    scopes: ["ORGANISATION"],
    stages: { PERSONAL: "write", HEALTH: "read", PORTFOLIO: "write" },
    capabilities: ["staff.manage", "movement.write", "import.run", "dataQuality.read"],
    secondFactor: "optional",
  },
  SCHOOL_REGISTRAR: {
    portal: "school",
    scopes: ["ORGANISATION"],
    stages: { PERSONAL: "write", HEALTH: "none", PORTFOLIO: "write" },
    capabilities: ["movement.write", "import.run", "dataQuality.read"],
    secondFactor: "optional",
  },
  SCHOOL_MEDIC: {
    portal: "school",
    scopes: ["ORGANISATION"],
    stages: { PERSONAL: "identity", HEALTH: "write", PORTFOLIO: "none" },
    capabilities: [],
    secondFactor: "optional",
  },
  EDU_OFFICER: {
    portal: "ministry",
    scopes: ["REGION", "MUNICIPALITY"],
    stages: { PERSONAL: "read", HEALTH: "aggregate", PORTFOLIO: "read" },
    capabilities: ["organisations.manage", "reports.read", "dataQuality.read", "transfers.oversee", "referenceData.manage", "giaResults.import", "apiClients.approve", "accounts.approve.education", "territories.manage", "childrenAccount.manage"],
    secondFactor: "required",
  },
  HEALTH_OFFICER: {
    portal: "health",
    scopes: ["REGION"],
    stages: { PERSONAL: "identity", HEALTH: "read", PORTFOLIO: "none" },
    capabilities: ["healthStats.read", "accounts.approve.health"],
    secondFactor: "required",
  },
  SYSTEM_ADMIN: {
    portal: "admin",
    scopes: ["REGION"],
    stages: { PERSONAL: "none", HEALTH: "none", PORTFOLIO: "none" },
    capabilities: ["users.manage", "apiClients.manage", "auditVerification.read"],
    secondFactor: "required",
  },
  AUDITOR: {
    portal: "admin",
    scopes: ["REGION"],
    stages: { PERSONAL: "none", HEALTH: "none", PORTFOLIO: "none" },
    capabilities: ["audit.read", "auditVerification.read"],
    secondFactor: "required",
  },
} as const satisfies Record<Role, RoleAccess>;

// Every lookup below denies on doubt: an unknown role, stage or level is
// treated as "none" rather than throwing into an allow path.

function entry(role: string): RoleAccess | undefined {
  return Object.hasOwn(ACCESS_MATRIX, role) ? ACCESS_MATRIX[role as Role] : undefined;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function stageAccess(role: Role, stage: Stage): StageAccess {
  return entry(role)?.stages[stage] ?? "none";
}

/** Does `role` reach at least level `need` on `stage`? */
export function allowsStage(role: Role, stage: Stage, need: Exclude<StageAccess, "none">): boolean {
  const have = STAGE_ACCESS_LEVELS.indexOf(stageAccess(role, stage));
  const want = STAGE_ACCESS_LEVELS.indexOf(need);
  return want > 0 && have >= want;
}

export function hasCapability(role: Role, capability: Capability): boolean {
  return (entry(role)?.capabilities as readonly string[] | undefined)?.includes(capability) ?? false;
}

/** Deny on doubt: an unknown role must have a second factor. */
export function requiresSecondFactor(role: Role): boolean {
  return entry(role)?.secondFactor !== "optional";
}

export function portalOf(role: Role): Portal | undefined {
  return entry(role)?.portal;
}

export function allowedScopes(role: Role): readonly ScopeKind[] {
  return entry(role)?.scopes ?? [];
}

export function rolesOfPortal(portal: Portal): Role[] {
  return ROLES.filter((role) => ACCESS_MATRIX[role].portal === portal);
}

// ─── The second axis: the organisation's relationship to the learner ─────────
// A role's stage levels are a ceiling; for a school account the relationship
// between its organisation and the learner lowers it further. Regional and
// municipal accounts have the OVERSIGHT relationship within their scope.
// Computed once, in ./relationship.ts.

export const RELATIONSHIPS = ["HOLDING", "ADDITIONAL", "FORMER", "OVERSIGHT", "NONE"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface RelationshipAccess {
  /** The most each stage may give under this relationship (the role's level may be lower). */
  ceiling: Readonly<Record<Stage, StageAccess>>;
  /** Health, portfolio and movement records: all of the learner's, or only those the organisation wrote. */
  records: "all" | "own";
  /** Legal representatives: everything the PERSONAL level allows, names and contacts only, or none. */
  representatives: "full" | "contacts" | "none";
  /** Portfolio rows it may add (PORTFOLIO write still needed from the role). */
  portfolioWrites: readonly ("achievement" | "exam" | "grade" | "certificate")[];
}

/** No ceiling: the role's own levels, every record of the learner. */
const FULL_ACCESS = {
  ceiling: { PERSONAL: "write", HEALTH: "write", PORTFOLIO: "write" },
  records: "all",
  representatives: "full",
  portfolioWrites: ["achievement", "exam", "grade", "certificate"],
} as const satisfies RelationshipAccess;

export const RELATIONSHIP_ACCESS = {
  // Active basic enrolment (or a transfer it started, still pending).
  HOLDING: FULL_ACCESS,
  // Only an active enrolment in an additional programme.
  ADDITIONAL: {
    ceiling: { PERSONAL: "identity", HEALTH: "none", PORTFOLIO: "write" },
    records: "own",
    representatives: "contacts",
    portfolioWrites: ["achievement", "grade"],
  },
  // Its enrolments ended (a cancelled one counts for nothing).
  FORMER: {
    ceiling: { PERSONAL: "identity", HEALTH: "none", PORTFOLIO: "read" },
    records: "own",
    representatives: "none",
    portfolioWrites: [],
  },
  // A region- or municipality-level account over a learner within its scope.
  OVERSIGHT: FULL_ACCESS,
  // No relationship: the learner does not exist for the caller (NOT_FOUND).
  NONE: {
    ceiling: { PERSONAL: "none", HEALTH: "none", PORTFOLIO: "none" },
    records: "own",
    representatives: "none",
    portfolioWrites: [],
  },
} as const satisfies Record<Relationship, RelationshipAccess>;

function lower(a: StageAccess, b: StageAccess): StageAccess {
  return STAGE_ACCESS_LEVELS[Math.min(STAGE_ACCESS_LEVELS.indexOf(a), STAGE_ACCESS_LEVELS.indexOf(b))] ?? "none";
}

/** The level `role` has on `stage` for a learner it stands in `relationship` to. */
export function learnerStageAccess(role: Role, relationship: Relationship, stage: Stage): StageAccess {
  const ceiling = (RELATIONSHIP_ACCESS as Record<string, RelationshipAccess>)[relationship]?.ceiling[stage] ?? "none";
  return lower(stageAccess(role, stage), ceiling);
}

/** allowsStage for one learner: the role's level lowered by the relationship. */
export function allowsLearnerStage(role: Role, relationship: Relationship, stage: Stage, need: Exclude<StageAccess, "none">): boolean {
  const want = STAGE_ACCESS_LEVELS.indexOf(need);
  return want > 0 && STAGE_ACCESS_LEVELS.indexOf(learnerStageAccess(role, relationship, stage)) >= want;
}

export function relationshipAccess(relationship: Relationship): RelationshipAccess {
  return (RELATIONSHIP_ACCESS as Record<string, RelationshipAccess>)[relationship] ?? RELATIONSHIP_ACCESS.NONE;
}
