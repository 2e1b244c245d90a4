// Bulk loading with COPY … FROM STDIN (text format) on PostgreSQL, and COPY
// from an in-memory blob on embedded PGlite. Rows are streamed in chunks, so
// memory stays flat however many rows a table gets.
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

export type Cell = string | number | boolean | null | undefined;

export interface BulkTarget {
  /** Streams rows into table(columns); returns the number of rows written. */
  copy(table: string, columns: readonly string[], rows: Iterable<Cell[]>): Promise<number>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** COPY text format: backslash escapes for \, tab, newline, CR; \N is NULL. */
export function copyLine(cells: Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (i) line += "\t";
    if (v === null || v === undefined) line += "\\N";
    else if (typeof v === "string") line += /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
    else line += String(v);
  }
  return line + "\n";
}

function* chunks(rows: Iterable<Cell[]>, counter: { n: number }, size = 2000): Generator<string> {
  let buffer = "";
  let inBuffer = 0;
  for (const row of rows) {
    buffer += copyLine(row);
    counter.n++;
    if (++inBuffer === size) {
      yield buffer;
      buffer = "";
      inBuffer = 0;
    }
  }
  if (buffer) yield buffer;
}

const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

export function postgresBulkTarget(client: pg.Client): BulkTarget {
  return {
    async copy(table, columns, rows) {
      const counter = { n: 0 };
      const stream = client.query(copyFrom(`COPY "${table}" (${columnList(columns)}) FROM STDIN`));
      await pipeline(Readable.from(chunks(rows, counter)), stream);
      return counter.n;
    },
    async query(sql, params) {
      return (await client.query(sql, params as unknown[])).rows;
    },
  };
}

/** PGlite reads COPY data from a Blob; send it in slices to bound memory. */
export function pgliteBulkTarget(db: PGlite): BulkTarget {
  return {
    async copy(table, columns, rows) {
      const counter = { n: 0 };
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (!parts.length) return;
        await db.query(`COPY "${table}" (${columnList(columns)}) FROM '/dev/blob'`, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for (const chunk of chunks(rows, counter)) {
        parts.push(chunk);
        if ((size += chunk.length) > 16_000_000) await flush();
      }
      await flush();
      return counter.n;
    },
    async query(sql, params) {
      return (await db.query<Record<string, unknown>>(sql, params)).rows;
    },
  };
}
