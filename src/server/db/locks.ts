// Every PostgreSQL advisory lock key the application takes, in one place.
// Two features that happened to share a key waited for each other (the chain
// verifier, which holds its lock for minutes at regional scale, blocked every
// dashboard's summary flush). TypeScript takes its keys from here; SQL
// functions (definition files and migrations) that lock a literal key are checked against
// `sqlFunctions` by locks.test.ts, which also asserts the keys are distinct.

export interface AdvisoryLock {
  key: number;
  purpose: string;
  /** SQL functions (definition files, src/server/db/definitions.ts) that take this key as a literal. */
  sqlFunctions: readonly string[];
}

export const ADVISORY_LOCKS = {
  /** Prisma's own key: our runner and `prisma migrate deploy` never run on one database at once. */
  migrations: {
    key: 72_707_369,
    purpose: "applying migrations (Prisma's key, src/server/db/migrate.ts)",
    sqlFunctions: [],
  },
  auditChain: {
    key: 7_243_001,
    purpose: "appending to the audit chain (recorder) and ordering the federal change feed's ids (at commit)",
    // audit_chain_head_locked takes the key as its parameter (the recorder passes this one).
    // learner_change_flush takes it at commit only; the two triggers before it took it at the first write.
    sqlFunctions: ["learner_change_log", "learner_change_log_statement", "learner_change_flush"],
  },
  summaryFlush: {
    key: 7_243_002,
    purpose: "recomputing derived counts: learner summary, movement counts, health month counts",
    sqlFunctions: [
      "learner_summary_flush",
      "learner_summary_rebuild",
      "learner_summary_rebuild_summary",
      "movement_count_flush",
      "movement_count_rebuild",
      "health_month_count_ensure",
    ],
  },
  classPerformanceFlush: {
    key: 7_243_005,
    purpose: "recomputing the queued classes' performance counts (the ministry's marks view); the summary flush takes it inside summaryFlush",
    sqlFunctions: ["class_performance_flush", "class_performance_rebuild"],
  },
  qualityRecount: {
    key: 7_243_003,
    purpose: "recounting the ministry's data-quality snapshots",
    sqlFunctions: [],
  },
  auditVerify: {
    key: 7_243_004,
    purpose: "one audit-chain verification run or break acknowledgement at a time (held for the whole walk)",
    sqlFunctions: [],
  },
} as const satisfies Record<string, AdvisoryLock>;

export type AdvisoryLockName = keyof typeof ADVISORY_LOCKS;

export function lockKey(name: AdvisoryLockName): number {
  return ADVISORY_LOCKS[name].key;
}
