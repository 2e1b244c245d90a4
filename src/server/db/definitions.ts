// The definition files: every SQL function, trigger and view of the schema,
// each in exactly one file, applied by the migration runner after the
// versioned migrations whenever a file's checksum changes (repeatable.ts).
// A derived table's file sits next to the TypeScript that reads the table and
// its recount test; what belongs to no derived table (append-only guards,
// claims, the change feed) is in src/server/db/definitions/.
//
// The order is the order of application, and it matters only for a database
// that does not have an object yet:
// - within a file, functions come before the triggers that call them;
// - a LANGUAGE sql function is checked when it is created, so what it calls
//   must be defined earlier; PL/pgSQL resolves names at its first call, so
//   the flush may call functions of files after it (and the health months
//   call the flush back);
// - guards and rules that stand alone first, then the derived tables in the
//   order the flush recomputes them; the learner summary last, as its flush
//   and rebuild call every derived table's functions and its triggers feed
//   all of them.
// `npm run db:check` fails on an object in no file or in two; see
// tools/db/definitions-drift.ts.

export const DEFINITION_FILES: readonly string[] = [
  "src/server/db/definitions/audit.sql",
  "src/server/db/definitions/learners.sql",
  "src/server/db/definitions/claims.sql",
  "src/server/db/definitions/movement.sql",
  "src/server/db/definitions/health-portfolio.sql",
  "src/server/db/definitions/machine-api.sql",
  "src/server/db/definitions/queues.sql",
  "src/server/services/movement/movement-counts.sql",
  "src/server/services/performance/class-performance-counts.sql",
  "src/server/services/reports/additional-participation.sql",
  "src/server/services/health/health-history.sql",
  "src/server/services/health/health-month-counts.sql",
  "src/server/services/summary/summary-counts.sql",
  "src/server/services/summary/learner-summary.sql",
];

/**
 * The last versioned migration written before the definition files took
 * over. Migrations up to it are history and created the objects themselves;
 * a later one may DROP a function, trigger or view (and its file stops
 * defining it) but never create or replace one: `npm run db:check` replays
 * an existing database from this point and fails if re-applying the files
 * would change what such a migration left.
 */
export const LAST_MIGRATION_BEFORE_DEFINITIONS = "20261207060000_enrolment_classes_backfill";
