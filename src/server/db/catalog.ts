// The objects the definition files own, as the database itself prints them:
// every function (pg_get_functiondef), trigger (pg_get_triggerdef) and view
// (pg_get_viewdef) of schema public, extensions' own objects left out. Used
// by the drift check (tools/db/definitions-drift.ts) and the tests that prove
// the runner leaves the catalog as the migrations did.
import type { SqlConnection } from "./sql";

/** Object (e.g. `function learner_summary_flush()`, `trigger Learner_summary_insert on Learner`) → its definition. */
export type DefinitionCatalog = Map<string, string>;

// This transaction's id as the 32-bit xid stored in a row's xmin.
const THIS_TRANSACTION = `(txid_current() % 4294967296)`;

function touched(alias: string, on: boolean): string {
  return on ? `AND ${alias}.xmin::text::bigint = ${THIS_TRANSACTION}` : "";
}

/**
 * The catalog's functions, triggers and views. With `touchedOnly`, only those
 * this transaction created or replaced: CREATE OR REPLACE rewrites the
 * object's catalog row even when nothing changed, so the row's xmin tells
 * which objects a script just executed defines, without parsing it.
 */
export async function definitionCatalog(conn: SqlConnection, opts: { touchedOnly?: boolean } = {}): Promise<DefinitionCatalog> {
  const only = opts.touchedOnly ?? false;
  const notExtension = (classid: string, objid: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${objid} AND d.deptype = 'e')`;
  const rows = await conn.query<{ name: string; definition: string }>(
    `SELECT 'function ' || p.oid::regprocedure::text AS name,
            CASE WHEN p.prokind = 'a' THEN 'aggregate ' || p.oid::regprocedure::text ELSE pg_get_functiondef(p.oid) END AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND ${notExtension("pg_proc", "p.oid")} ${touched("p", only)}
     UNION ALL
     SELECT 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid)
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal ${touched("t", only)}
     UNION ALL
     SELECT CASE c.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END || c.relname, pg_get_viewdef(c.oid)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') AND ${notExtension("pg_class", "c.oid")}
        ${only ? `AND (c.xmin::text::bigint = ${THIS_TRANSACTION} OR EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = c.oid ${touched("r", true)}))` : ""}
     ORDER BY 1`,
  );
  return new Map(rows.map((r) => [r.name, r.definition]));
}

/** The catalog as text, one object after another: for diffing two databases. */
export function catalogText(catalog: DefinitionCatalog): string {
  return [...catalog].map(([name, definition]) => `-- ${name}\n${definition.trimEnd()}\n`).join("\n");
}
