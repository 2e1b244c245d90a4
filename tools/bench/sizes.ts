// Table and index sizes, printed with the benchmark so that growth from one
// data size to the next can be read off two runs (docs/performance.md).
import type pg from "pg";

export async function printSizes(sql: pg.Client): Promise<void> {
  const { rows } = await sql.query<{ name: string; rows: string; table: string; indexes: string }>(`
    SELECT c.relname AS name, c.reltuples::bigint::text AS rows,
           pg_size_pretty(pg_table_size(c.oid)) AS "table", pg_size_pretty(pg_indexes_size(c.oid)) AS indexes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples > 1000
     ORDER BY pg_total_relation_size(c.oid) DESC`);
  const [{ db }] = (await sql.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS db`)).rows as [{ db: string }];
  console.log(`\nSizes (database ${db}):`);
  for (const r of rows) console.log(`  ${r.name.padEnd(24)} ${Number(r.rows).toLocaleString("en").padStart(12)} rows  table ${r.table.padStart(8)}  indexes ${r.indexes.padStart(8)}`);
}
