// THE access matrix: who sees which data stage, within which scope, and which
// other capabilities each role has. Every authorization decision in the
// server reads this table; nothing else encodes a role's rights.
// Source: ../shared/domain.md, "Roles, scopes and the access matrix".
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
  "referenceData.manage",
  "audit.read", // audit log, access reports, running chain verification
  "auditVerification.read", // results and history of the audit-chain verification runs
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
    capabilities: ["organisations.manage", "reports.read", "dataQuality.read", "transfers.oversee"],
    secondFactor: "required",
  },
  HEALTH_OFFICER: {
    portal: "health",
    scopes: ["REGION"],
    stages: { PERSONAL: "identity", HEALTH: "read", PORTFOLIO: "none" },
    capabilities: ["healthStats.read"],
    secondFactor: "required",
  },
  SYSTEM_ADMIN: {
    portal: "admin",
    scopes: ["REGION"],
    stages: { PERSONAL: "none", HEALTH: "none", PORTFOLIO: "none" },
    capabilities: ["users.manage", "apiClients.manage", "referenceData.manage", "auditVerification.read"],
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
