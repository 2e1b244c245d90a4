// Health (stage 2) per demo role on a real database: who reads a learner's
// health (exact output keys), who is refused (FORBIDDEN) or kept out of scope
// (NOT_FOUND), that only the holding school's medic writes, and that every
// read and write is audited with the learner id.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

const RECORD_KEYS = [
  "createdAt", "disability", "disabilityIndefinite", "disabilityReason", "disabilityUntil", "healthGroup", "id", "longTermTreatment",
  "needsAdaptedProgramme", "organisation", "ovzCategory", "peGroup", "pmpkDate", "pmpkNumber", "recordedAt", "supersedesId",
  "treatmentFrom", "treatmentTo",
].sort();
const ROLES = ["school.admin", "school.registrar", "school.medic", "school2.admin", "edu.officer", "health.officer", "sys.admin", "auditor"];
const READ: Record<string, "ok" | "FORBIDDEN" | "NOT_FOUND"> = {
  "school.admin": "ok",
  "school.registrar": "FORBIDDEN",
  "school.medic": "ok",
  "school2.admin": "NOT_FOUND",
  "edu.officer": "FORBIDDEN",
  "health.officer": "ok",
  "sys.admin": "FORBIDDEN",
  auditor: "FORBIDDEN",
};
const plain = { recordedAt: "2025-09-01", healthGroup: "II", peGroup: "MAIN" } as const;

describeDb("learner health access", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let learnerId: string;
  let firstId: string;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    learnerId = (await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput())).id;
  });
  afterAll(() => db?.close());

  it("lets only the holding school's medic record and correct; others FORBIDDEN or NOT_FOUND", async () => {
    const medic = await callerAs(db.prisma, "school.medic");
    firstId = (await medic.learners.health.record({ learnerId, data: plain })).id;
    for (const login of ROLES.filter((l) => l !== "school.medic")) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.learners.health.record({ learnerId, data: plain }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.learners.health.correct({ learnerId, recordId: firstId, data: plain }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const write = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.health.write", actorLogin: "school.medic" } });
    expect(write).toMatchObject({ entityId: learnerId, details: { recordId: firstId, supersedesId: null } });
    expect(JSON.stringify(write.details)).not.toContain('"II"');
  });

  it("a medic of another school cannot write the learner (NOT_FOUND)", async () => {
    const seed = db.seeded;
    const medic = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } });
    await db.prisma.user.create({
      data: { login: "other.medic", fullName: "Другой Медик", role: "SCHOOL_MEDIC", scopeKind: "ORGANISATION", organisationId: seed.organisationIds.gymn2, regionId: seed.regionId, passwordHash: medic.passwordHash },
    });
    const other = await callerAs(db.prisma, "other.medic");
    await expect(other.learners.health.record({ learnerId, data: plain })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.learners.health.correct({ learnerId, recordId: firstId, data: plain })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.learners.health.get({ learnerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("corrects by a new row; current is the newest non-superseded; the old row stays", async () => {
    const medic = await callerAs(db.prisma, "school.medic");
    const fixed = await medic.learners.health.correct({ learnerId, recordId: firstId, data: { ...plain, healthGroup: "III", peGroup: "PREPARATORY" } });
    await expect(medic.learners.health.correct({ learnerId, recordId: firstId, data: plain })).rejects.toMatchObject({ code: "CONFLICT" });
    const older = await medic.learners.health.record({ learnerId, data: { ...plain, recordedAt: "2024-09-01", healthGroup: "I" } });
    const health = await medic.learners.health.get({ learnerId });
    expect(health.canWrite).toBe(true);
    expect(health.current).toMatchObject({ id: fixed.id, healthGroup: "III", peGroup: "PREPARATORY", supersedesId: firstId });
    expect(health.history.map((r) => [r.id, r.superseded])).toEqual([
      [fixed.id, false],
      [firstId, true],
      [older.id, false],
    ]);
    await expect(db.prisma.healthRecord.update({ where: { learnerId_id: { learnerId, id: firstId } }, data: { healthGroup: "IV" } })).rejects.toThrow();
  });

  it("finds the corrected record only among the named learner's records (NOT_FOUND otherwise)", async () => {
    const medic = await callerAs(db.prisma, "school.medic");
    const sibling = learnerInput({ learner: { lastName: "Другова", firstName: "Анна", sex: "FEMALE", birthDate: "2014-05-06" } });
    const otherLearnerId = (await (await callerAs(db.prisma, "school.registrar")).learners.create(sibling)).id;
    const before = await db.prisma.healthRecord.count();
    await expect(medic.learners.health.correct({ learnerId: otherLearnerId, recordId: firstId, data: plain })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.healthRecord.count()).toBe(before);
  });

  it("answers get per role with exact keys, and audits every read with the learner id", async () => {
    for (const login of ROLES) {
      const call = (await callerAs(db.prisma, login)).learners.health.get({ learnerId });
      if (READ[login] !== "ok") {
        await expect(call, login).rejects.toMatchObject({ code: READ[login] });
        continue;
      }
      const health = await call;
      expect(Object.keys(health).sort(), login).toEqual(["canWrite", "current", "history"]);
      expect(Object.keys(health.current!).sort(), login).toEqual(RECORD_KEYS);
      expect(Object.keys(health.history[0]!).sort(), login).toEqual([...RECORD_KEYS, "superseded"].sort());
      expect(health.canWrite, login).toBe(login === "school.medic");
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.health.read", actorLogin: login }, orderBy: { id: "desc" } });
      expect(audit, login).toMatchObject({ entityType: "Learner", entityId: learnerId, details: { records: 3 } });
    }
  });

  it("checks the disability category against the learner's age at recordedAt", async () => {
    const medic = await callerAs(db.prisma, "school.medic");
    const disabled = { ...plain, healthGroup: "V", disabilityReason: "инвалидность с детства", disabilityIndefinite: true } as const;
    // Born 2015-03-07: ten years old on 2025-09-01.
    await expect(medic.learners.health.record({ learnerId, data: { ...disabled, disability: "GROUP_II" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "disability" },
    });
    await expect(medic.learners.health.record({ learnerId, data: { ...disabled, disability: "CHILD" } })).resolves.toHaveProperty("id");
    const bad = await medic.learners.health.record({ learnerId, data: { ...plain, longTermTreatment: true } }).catch((e) => e);
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.cause.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(["data.treatmentFrom", "data.treatmentTo"]);
  });
});
