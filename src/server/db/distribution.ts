// Where every table goes when the registry is distributed with Citus (plan:
// docs/distribution.md). The one source of truth: the catalog test
// (distribution.integration.test.ts) fails when a table of the schema is in no
// list or in two, or when a table claimed ready has a key Citus would refuse.
//
// Distribution column: the learner. A learner's rows never move between
// shards (a learner moves between municipalities, not between learners), the
// card and every per-learner write touch one shard, and region or
// municipality counts run on all shards in parallel over LearnerSummary.

/** A table hash-distributed by the learner, co-located with Learner. */
export type LearnerDistributedTable =
  | { table: string; column: string; ready: true }
  /** Not yet compatible: `reason` says what blocks it (the test reports, not fails). */
  | { table: string; column: string; ready: false; reason: string };

export const DISTRIBUTED_BY_LEARNER: readonly LearnerDistributedTable[] = [
  { table: "Learner", column: "id", ready: true },
  { table: "LearnerRepresentative", column: "learnerId", ready: true },
  { table: "Consent", column: "learnerId", ready: true },
  { table: "HealthRecord", column: "learnerId", ready: true },
  { table: "Achievement", column: "learnerId", ready: true },
  { table: "ExamResult", column: "learnerId", ready: true },
  { table: "SubjectGrade", column: "learnerId", ready: true },
  { table: "JournalGrade", column: "learnerId", ready: true },
  { table: "LearnerSummary", column: "learnerId", ready: true },
  { table: "LearnerSummaryPending", column: "learnerId", ready: true },
  { table: "AdditionalParticipation", column: "learnerId", ready: true },
  { table: "SecondaryPlacement", column: "learnerId", ready: true },
  { table: "HealthHistory", column: "learnerId", ready: true },
  { table: "Certificate", column: "learnerId", ready: true },
  { table: "Enrolment", column: "learnerId", ready: true },
  { table: "MovementEvent", column: "learnerId", ready: true },
  { table: "Transfer", column: "learnerId", ready: true },
  { table: "StudyCertificate", column: "learnerId", ready: true },
  { table: "LearnerAddress", column: "learnerId", ready: true },
];

/** Small (or rarely written) tables copied to every node: any table may reference them. */
export const REFERENCE: readonly { table: string; note?: string }[] = [
  { table: "Region" },
  { table: "Municipality" },
  { table: "Organisation" },
  { table: "Programme" },
  { table: "SchoolClass" },
  { table: "User" },
  // Referenced by JournalGrade (distributed): Citus accepts a foreign key from a
  // distributed table only to a co-located or a reference table.
  { table: "MachineClient", note: "referenced by JournalGrade, so not coordinator-only" },
  // The subjects vocabulary (~40 rows): referenced by SubjectGrade and ExamResult (distributed).
  { table: "Subject", note: "referenced by SubjectGrade and ExamResult" },
  { table: "GiaSubject", note: "ФЦТ codes of the ГИА subjects, referencing Subject" },
  // A representative is shared by siblings (several learners, several shards)
  // and referenced by Consent and LearnerRepresentative. Replicated it keeps
  // those foreign keys and its unique SNILS index; ~0.9 GB per million learners.
  { table: "Representative", note: "large for a reference table; alternative in docs/distribution.md" },
  // The ГАР directory of the region (issue 22): read-only between loads, joined
  // with learners' addresses (distributed) by house; a large region's extract
  // is 1–3 M houses, ~0.3–0.8 GB on every node.
  { table: "AddressObject", note: "the address directory; replaced by a load" },
  { table: "AddressHouse", note: "the address directory's houses; large for a reference table" },
  { table: "TerritoryOrder", note: "a few orders per municipality and year" },
  { table: "TerritoryAssignment", note: "houses, streets and settlements assigned to schools (~100,000 rows a year)" },
  { table: "FirstGradePlaces", note: "a row per school and year" },
];

/** Stay on the coordinator as plain PostgreSQL tables; `reason` says why. */
export const COORDINATOR_ONLY: readonly { table: string; reason: string; mayBeAbsent?: boolean }[] = [
  {
    table: "ResidentChild",
    reason: "the municipalities' register of resident children (~1 row per child of the region): not a learner's row (most are matched to none), read per municipality; learnerId is a soft link checked by the service",
  },
  { table: "AuditEvent", reason: "one hash chain in one global order under one lock; partitioned by month instead" },
  { table: "AuditEventLearner", reason: "part of the audit chain (its digest is in the event's hash); written with AuditEvent" },
  { table: "AuditVerificationRun", reason: "bookkeeping of the audit-chain verifier, which reads AuditEvent on the coordinator" },
  { table: "AuditCheckpoint", reason: "signed anchors of the audit chain, written by the verifier on the coordinator" },
  { table: "AuditBreakAcknowledgement", reason: "auditors' acknowledgements of reported chain breaks, read by the verifier" },
  { table: "UserSession", reason: "read on every request by id; small and hot, references only User (reference)" },
  { table: "RecoveryCode", reason: "second-factor secrets of users, read at sign-in only" },
  { table: "AccountRequest", reason: "two-person approvals of account changes: a few rows, read by the approvers' pages" },
  { table: "SignInThrottle", reason: "sign-in counters by key, written on every failed sign-in, shared by all app instances" },
  { table: "MachineClientToken", reason: "looked up by lookupId on every API call; a few rows per client" },
  { table: "LearnerChange", reason: "federal change feed: ids must commit in one global order (under the audit lock)" },
  { table: "LearnerChangePending", reason: "the change feed's entries of running transactions, moved into LearnerChange at commit; never holds a committed row" },
  { table: "DataQualitySnapshot", reason: "daily counts per organisation written by one job; small" },
  {
    table: "MovementCount",
    reason: "orders per organisation, month and type (~100,000 rows a year); on Citus refreshed from the shards' orders by the flush",
  },
  {
    table: "MovementCountDelta",
    reason: "pending changes to MovementCount; on Citus the shards' trigger cannot append here, so the flush recounts recent months instead",
  },
  {
    table: "ContingentCount",
    reason: "current learners per organisation, class and sex (~100,000 rows); on Citus the summary is distributed, its shards' triggers cannot write here, and the dashboard scans the shards in parallel instead",
  },
  {
    table: "HealthCount",
    reason: "summary rows with a health record per organisation, grade and categories; on Citus read from the shards like ContingentCount",
  },
  {
    table: "HealthMonthCount",
    reason: "health statistics' counts on the first day of each month held (~60,000–80,000 rows a month at 1 M learners); on Citus kept by the flush from the shards' derived rows in its transaction, as HealthCount",
  },
  { table: "HealthMonth", reason: "the months HealthMonthCount holds (at most 36 rows)" },
  {
    table: "ClassPerformanceCount",
    reason: "marks counted per class, period and subject group for the ministry's view (~40 rows per class and year); on Citus recomputed by the flush from the shards' marks, as MovementCount",
  },
  { table: "ClassPerformanceMembers", reason: "learners per class (a row per class), kept with ClassPerformanceCount" },
  {
    table: "ClassPerformancePending",
    reason: "classes whose performance counts are out of date; on Citus the shards' triggers cannot write here, so the flush would recount the classes of recent writes instead, as MovementCountDelta",
  },
  {
    table: "PendingIdentityEncryption",
    reason: "transient: exists only while an old database's plaintext identity fields await encryption",
    mayBeAbsent: true,
  },
  // Region-wide uniqueness that a distributed table's indexes cannot hold (they
  // must include the learner): a claim per value, in the writer's transaction.
  {
    table: "LearnerSnilsClaim",
    reason: "a SNILS belongs to one learner region-wide (~1 row per learner, 100 MB per million); on Citus written by the application in the learner's distributed transaction, as shards' triggers cannot write here",
  },
  {
    table: "CertificateNumberClaim",
    reason: "a certificate number is unique per level region-wide; kept like LearnerSnilsClaim",
  },
  {
    table: "StudyCertificateCounter",
    reason: "the last справка number per organisation and year (a row per school and year), incremented in the issuing transaction; on Citus written by the application like LearnerSnilsClaim",
  },
  { table: "_prisma_migrations", reason: "migration bookkeeping" },
  { table: "_kontingent_definitions", reason: "bookkeeping of the definition files (src/server/db/repeatable.ts)" },
];

export type TableRole = "distributed" | "reference" | "coordinator";
