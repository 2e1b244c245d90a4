// Issue 18: the server connects as a role that owns nothing. As that role the
// audit trail cannot be cut short — not by switching the append-only triggers
// off, not by UPDATE, DELETE or TRUNCATE, which fail for want of the privilege
// before any trigger runs — while everything the server does still works.
// PostgreSQL only: the embedded PGlite has a single user.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoRegion } from "../../../prisma/seed/demo-region";
import { seedTestClasses } from "../testing/class-fixtures";
import { loadActor } from "../auth/actor";
import { runAuditVerification } from "../services/audit/verification-runs";
import { importLearners } from "../services/learners/import/import-learners";
import { readRows } from "../services/learners/import/read-file";
import { flushLearnerSummary } from "../services/summary/learner-summary";
import { connectAsAppRole, type AppRoleConnection } from "../testing/app-role-db";
import { callerAs } from "../testing/callers";
import { learnersCsv } from "../testing/import-fixtures";
import { learnerInput } from "../testing/learner-fixtures";
import { signedInClaims } from "../testing/sessions";
import { testDatabaseKind } from "../testing/test-db";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../testing/throwaway-db";
import { AUDIT_TABLES, grantAppRole } from "./app-role";

const onPostgres = testDatabaseKind === "postgres" && inject("postgresReachable");

/** The SQLSTATE of a failed statement (42501: insufficient_privilege). */
const sqlState = (promise: Promise<unknown>) => promise.then(() => "succeeded", (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`);

(onPostgres ? describe : describe.skip)(`the application role [${testDatabaseKind}]`, () => {
  let db: ThrowawayDatabase;
  let app: AppRoleConnection;

  beforeAll(async () => {
    db = await createThrowawayDatabase("postgres", "kt_role");
    await seedTestClasses(db.prisma, (await seedDemoRegion(db.prisma)).organisationIds); // the seed runs as the owner
    app = await connectAsAppRole(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("owns nothing, is no superuser and creates nothing", async () => {
    const [role] = await app.sql.query<{ super: boolean; owned: string }>(
      `SELECT r.rolsuper AS super, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text AS owned FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ super: false, owned: "0" });
    expect(await sqlState(app.sql.query(`CREATE TABLE "Scratch" (id int)`))).toMatch(/^42501: permission denied for schema public/);
    // The grant refuses to hand the rights to the owner itself (or a superuser, or a member of the owner's role).
    await expect(grantAppRole(db.sql, "postgres")).rejects.toThrow(/running the grant/);
  });

  it("cannot switch the append-only triggers off", async () => {
    expect(await sqlState(app.sql.query(`SET session_replication_role = replica`))).toMatch(/^42501: permission denied to set parameter "session_replication_role"/);
    expect(await sqlState(app.sql.query(`SET LOCAL session_replication_role = replica`))).toMatch(/^42501:/);
    for (const table of AUDIT_TABLES) {
      expect(await sqlState(app.sql.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)), table).toMatch(new RegExp(`^42501: must be owner of table ${table}`));
    }
  });

  it("may read and append to the audit tables, but not UPDATE, DELETE or TRUNCATE them: refused for want of the privilege", async () => {
    for (const table of AUDIT_TABLES) {
      const denied = new RegExp(`^42501: permission denied for table ${table}$`);
      expect(await sqlState(app.sql.query(`SELECT count(*) FROM "${table}"`)), table).toBe("succeeded");
      // WHERE false: the privilege is checked before any row (or trigger) is looked at.
      expect(await sqlState(app.sql.query(`UPDATE "${table}" SET "${table === "AuditEventLearner" ? "eventId" : "id"}" = "${table === "AuditEventLearner" ? "eventId" : "id"}" WHERE false`)), table).toMatch(denied);
      expect(await sqlState(app.sql.query(`DELETE FROM "${table}" WHERE false`)), table).toMatch(denied);
      expect(await sqlState(app.sql.query(`TRUNCATE "${table}"`)), table).toMatch(denied);
    }
    // The change feed is append-only too; the owner (the grant's own check) sees the same lists.
    const grants = await grantAppRole(db.sql, app.role);
    expect(grants.appendOnly).toEqual(expect.arrayContaining([...AUDIT_TABLES, "LearnerChange", "MovementEvent", "HealthRecord", "SubjectGrade", "JournalGrade"]));
    expect(grants.readWrite).toEqual(expect.arrayContaining(["Learner", "Enrolment", "LearnerChangePending", "LearnerSummary", "LearnerSummaryPending"]));
    expect(await sqlState(app.sql.query(`DELETE FROM "LearnerChange" WHERE false`))).toMatch(/^42501: permission denied for table LearnerChange$/);
    expect(await sqlState(app.sql.query(`SELECT count(*) FROM "_prisma_migrations"`))).toMatch(/^42501:/);
    // A mark may only be given its subject (issue 21's mapping): that one column, nothing else.
    expect(await sqlState(app.sql.query(`UPDATE "SubjectGrade" SET "subjectId" = "subjectId" WHERE false`))).toBe("succeeded");
    expect(await sqlState(app.sql.query(`UPDATE "SubjectGrade" SET "mark" = "mark" WHERE false`))).toMatch(/^42501: permission denied for table SubjectGrade$/);
  });

  it("does the server's work: create, import, audited reads, the dashboards' flush, a verification run", async () => {
    const registrar = await callerAs(app.prisma, "school.registrar");
    const { id } = await registrar.learners.create(learnerInput({ acknowledgeDuplicate: true }));
    expect(await registrar.learners.card({ id })).toMatchObject({ view: "personal" });
    expect((await registrar.learners.list({ page: 0, pageSize: 20 })).total).toBeGreaterThan(0);

    const actor = (await loadActor(app.prisma, await signedInClaims(app.prisma, "school.registrar")))!;
    const sheet = await readRows(new Uint8Array(Buffer.from(learnersCsv(50), "utf8")), "role.csv");
    expect(await importLearners(app.prisma, actor, sheet, { commit: true, fileName: "role.csv", ip: null })).toMatchObject({ committed: true, created: 50 });

    // The summary triggers queued the new learners; the flush (as a dashboard runs it) recounts them.
    expect(await flushLearnerSummary(app.prisma)).toBeGreaterThanOrEqual(51);
    const officer = await callerAs(app.prisma, "edu.officer");
    expect((await officer.ministry.dashboard.contingent({})).units.length).toBeGreaterThan(0);

    const outcome = await runAuditVerification(app.prisma, { trigger: "CLI", full: true });
    expect(outcome).toMatchObject({ status: "done", run: { ok: true, full: true } });
    const audited = await app.sql.query<{ action: string }>(`SELECT DISTINCT action FROM "AuditEvent" WHERE action IN ('learner.create', 'learner.card.read', 'learner.import')`);
    expect(audited.map((r) => r.action).sort()).toEqual(["learner.card.read", "learner.create", "learner.import"]);
    expect(Number((await app.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "LearnerChangePending"`))[0]!.n)).toBe(0);
  });
});
