// The least-privilege role the server connects as on PostgreSQL (issue 18).
//
// The owner role (the one migrations and the seed run as) owns every table;
// the application role owns nothing. A role that owns nothing and is not a
// superuser cannot disable a trigger (ALTER TABLE needs ownership), cannot set
// session_replication_role (superuser only), and here gets no UPDATE, DELETE
// or TRUNCATE on an append-only table — so the audit trail can no longer be
// cut short from the application's connection, triggers or no triggers.
//
// What the application needs, checked against every function and trigger of
// the migrations: they all run as the invoking role (none is SECURITY
// DEFINER) and write only tables the role may write here —
//   * change log: LearnerChangePending (insert, delete at commit), LearnerChange (insert);
//   * summary queue and flushes: LearnerSummaryPending, LearnerSummary, the
//     count tables (ContingentCount, HealthCount, HealthMonth(Count),
//     MovementCount(Delta)), AdditionalParticipation, SecondaryPlacement,
//     HealthHistory (insert, update, delete);
//   * uniqueness claims: LearnerSnilsClaim, CertificateNumberClaim.
// Only the rebuild functions (learner_summary_rebuild, movement_count_rebuild)
// TRUNCATE, and only tools call them (as the owner): the role gets no TRUNCATE.
//
// Grants cover the tables that exist when they run, so they are re-applied
// after every migration (`npm run db:migrate` does it when DATABASE_URL and
// DATABASE_OWNER_URL name different users; otherwise `npm run db:grant`). No
// ALTER DEFAULT PRIVILEGES on purpose: a table a later migration adds stays
// closed to the application (a loud "permission denied") until the grant has
// decided whether it is append-only, rather than open by default.
import type { SqlConnection } from "./sql";
import { configuredDatabaseUrls, type DatabaseUrls } from "./target";

/** The audit trail's tables: always read and append only, whatever their triggers say. */
export const AUDIT_TABLES = ["AuditEvent", "AuditEventLearner", "AuditVerificationRun", "AuditCheckpoint", "AuditBreakAcknowledgement"] as const;

/** Bookkeeping of the migration runner: the application has no business there. */
const OWNER_ONLY_TABLES = ["_prisma_migrations", "_kontingent_definitions"];
/** Columns of append-only tables the application may set (their trigger checks how: src/server/db/definitions/health-portfolio.sql). */
const CLASSIFYING_COLUMNS: Record<string, readonly string[]> = { SubjectGrade: ["subjectId"] };

/** The conventional name; any role name of lowercase letters, digits and underscores works. */
export const DEFAULT_APP_ROLE = "kontingent_app";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function roleIdent(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`Role name "${role}" must be lowercase letters, digits and underscores`);
  return `"${role}"`;
}

const quoteTable = (name: string) => `"public"."${name.replace(/"/g, '""')}"`;

export interface AppRoleGrants {
  /** Tables with SELECT, INSERT, UPDATE, DELETE. */
  readWrite: string[];
  /** Tables with SELECT and INSERT only: the audit tables and every table whose triggers refuse TRUNCATE. */
  appendOnly: string[];
}

/**
 * Append-only tables as the catalog shows them: the audit tables, and every
 * table with a refusing trigger — BEFORE TRUNCATE, or BEFORE UPDATE OR DELETE
 * without INSERT (such triggers exist here only to refuse: LearnerChange,
 * MovementEvent, HealthRecord, SubjectGrade, JournalGrade…). A later
 * append-only table is covered by its trigger, without a list to keep; the
 * triggers keep refusing for the owner, the missing privilege for the server.
 */
async function appendOnlyTables(conn: SqlConnection): Promise<Set<string>> {
  const rows = await conn.query<{ name: string }>(
    `SELECT DISTINCT c.relname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal
        AND (t.tgtype::int & 2) <> 0                     -- BEFORE, and
        AND ((t.tgtype::int & 32) <> 0                   -- TRUNCATE, or
             OR (t.tgtype::int & 28) = 24)               -- UPDATE and DELETE but not INSERT`,
  );
  return new Set([...AUDIT_TABLES, ...rows.map((r) => r.name)]);
}

/**
 * Grants `role` exactly what the application needs on the current database,
 * and takes back anything beyond it (so a re-run converges). Run as the owner
 * of the tables (or a superuser). Idempotent.
 */
export async function grantAppRole(conn: SqlConnection, role: string): Promise<AppRoleGrants> {
  const who = roleIdent(role);
  const [me] = await conn.query<{ name: string }>(`SELECT current_user AS name`);
  if (me?.name === role) throw new Error(`Refusing to grant to ${role}: that is the role running the grant (the owner)`);
  const [target] = await conn.query<{ super: boolean }>(`SELECT rolsuper AS super FROM pg_roles WHERE rolname = $1`, [role]);
  if (!target) throw new Error(`Role ${role} does not exist (create it with --create, or see docs/operations.md, "Using PostgreSQL")`);
  if (target.super) throw new Error(`Role ${role} is a superuser: it could switch the audit triggers off. Use a role without SUPERUSER`);
  // A member of the owner's role acts as the owner (ALTER TABLE … DISABLE TRIGGER included).
  const owners = await conn.query<{ owner: string }>(
    `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_has_role($1, c.relowner, 'MEMBER')`,
    [role],
  );
  if (owners.length) throw new Error(`Role ${role} is (a member of) ${owners.map((o) => o.owner).join(", ")}, which owns tables: it must own nothing`);

  const tables = (await conn.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  )).map((r) => r.name);
  const appendOnly = await appendOnlyTables(conn);
  const missing = AUDIT_TABLES.filter((t) => !tables.includes(t));
  if (missing.length) throw new Error(`Audit tables missing (${missing.join(", ")}): run the migrations first`);

  const grants: AppRoleGrants = { readWrite: [], appendOnly: [] };
  const statements = [
    `GRANT CONNECT ON DATABASE ${(await conn.query<{ db: string }>("SELECT quote_ident(current_database()) AS db"))[0]!.db} TO ${who}`,
    `GRANT USAGE ON SCHEMA public TO ${who}`,
    // Nothing of the schema's own: the role creates no objects (PostgreSQL 15
    // already denies CREATE on public to everyone but its owner).
    `REVOKE CREATE ON SCHEMA public FROM ${who}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${who}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${who}`,
  ];
  for (const table of tables) {
    if (OWNER_ONLY_TABLES.includes(table)) continue;
    if (appendOnly.has(table)) {
      statements.push(`GRANT SELECT, INSERT ON ${quoteTable(table)} TO ${who}`);
      grants.appendOnly.push(table);
    } else {
      statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${quoteTable(table)} TO ${who}`);
      grants.readWrite.push(table);
    }
  }
  // Append-only tables whose rows may still be classified once, column by
  // column (their trigger allows nothing else): a mark written before the
  // subjects vocabulary gets its subject when the ministry maps its text.
  for (const [table, columns] of Object.entries(CLASSIFYING_COLUMNS)) {
    if (appendOnly.has(table) && tables.includes(table)) {
      statements.push(`GRANT UPDATE (${columns.map((c) => `"${c}"`).join(", ")}) ON ${quoteTable(table)} TO ${who}`);
    }
  }
  // nextval for the bigserial ids; not UPDATE (setval could reuse an audit id).
  statements.push(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
  // PUBLIC has EXECUTE by default; said explicitly in case a cluster revoked it.
  statements.push(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${who}`);

  await conn.exec("BEGIN");
  try {
    for (const statement of statements) await conn.query(statement);
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
  return grants;
}

export interface CreateRoleOptions {
  /** LOGIN with this password; null: LOGIN without a password (trust or peer authentication); undefined: NOLOGIN. */
  password?: string | null;
}

/** Creates the role when it does not exist (never a superuser, owner of nothing); an existing role is left as it is. Returns whether it was created. */
export async function ensureAppRole(conn: SqlConnection, role: string, opts: CreateRoleOptions = {}): Promise<boolean> {
  const who = roleIdent(role);
  if ((await conn.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).length > 0) return false;
  let attributes = `${opts.password === undefined ? "NOLOGIN" : "LOGIN"} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`;
  if (typeof opts.password === "string") {
    // CREATE ROLE takes no parameters: the password goes in as a quoted literal.
    const [quoted] = await conn.query<{ literal: string }>(`SELECT quote_literal($1::text) AS literal`, [opts.password]);
    attributes += ` PASSWORD ${quoted!.literal}`;
  }
  try {
    await conn.query(`CREATE ROLE ${who} ${attributes}`);
    return true;
  } catch (error) {
    // Another process created it meanwhile (roles are cluster-wide: parallel test files).
    const code = (error as { code?: string }).code;
    if (code === "42710" || code === "23505") return false;
    throw error;
  }
}

/**
 * The application role implied by the environment: DATABASE_URL's user when
 * DATABASE_OWNER_URL is set to a server URL with another user; null otherwise
 * (one role for everything, as before).
 */
export function appRoleFromUrls(appUrl: string | undefined, ownerUrl: string | undefined): string | null {
  if (!appUrl || !ownerUrl || !/^postgres(ql)?:\/\//.test(appUrl) || !/^postgres(ql)?:\/\//.test(ownerUrl)) return null;
  const app = decodeURIComponent(new URL(appUrl).username);
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  return app && app !== owner ? app : null;
}

/** After migrations: grants the role DATABASE_URL names when it differs from the owner's; returns it, or null when there is none. */
export async function grantConfiguredAppRole(conn: SqlConnection, env: DatabaseUrls = configuredDatabaseUrls()): Promise<string | null> {
  const role = appRoleFromUrls(env.DATABASE_URL, env.DATABASE_OWNER_URL);
  if (!role) return null;
  await grantAppRole(conn, role);
  return role;
}
