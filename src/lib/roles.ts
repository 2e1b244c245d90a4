// Names shared by the browser and the server. What each role may do lives in
// the access matrix (src/server/authz/matrix.ts), not here.
export const ROLES = [
  "SCHOOL_ADMIN",
  "SCHOOL_REGISTRAR",
  "SCHOOL_MEDIC",
  "EDU_OFFICER",
  "HEALTH_OFFICER",
  "SYSTEM_ADMIN",
  "AUDITOR",
] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = ["PERSONAL", "HEALTH", "PORTFOLIO"] as const;
export type Stage = (typeof STAGES)[number];

export const SCOPE_KINDS = ["ORGANISATION", "MUNICIPALITY", "REGION"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const PORTALS = ["school", "ministry", "health", "admin"] as const;
export type Portal = (typeof PORTALS)[number];
