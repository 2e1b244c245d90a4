// The federal change feed on a real database: replaying every page from the
// start into an empty map equals the current state computed directly from the
// tables; paging resumes from a cursor; moves and removals appear; only the
// federal fields travel.
import { decryptIdentity } from "@/server/services/person/identity-fields";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ApiFederalLearner } from "@/lib/schemas/api/federal";
import { classAt, enrolLearner } from "../../testing/api-fixtures";
import { callApi, registerTestClient } from "../../testing/api-clients";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { getFederalChanges } from "./endpoints";

const order = (n: string) => ({ orderNumber: n, orderDate: "2026-10-01", effectiveDate: "2026-10-01" });

describeDb("federal change feed", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let federal: { id: string; token: string };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    federal = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT" });
    await classAt(db.prisma, "school.admin");
  });
  afterAll(() => db?.close());

  const page = (cursor: string, limit: number) =>
    callApi(db.prisma, getFederalChanges, { method: "get", path: "/federal/changes", url: `/federal/changes?cursor=${cursor}&limit=${limit}`, token: federal.token });

  /** Replays the feed from `cursor` into `state`, page by page; returns the last cursor. */
  async function replay(state: Map<string, ApiFederalLearner>, cursor = "0", limit = 3) {
    for (;;) {
      const res = await page(cursor, limit);
      expect(res.status).toBe(200);
      for (const change of res.body.changes) {
        if (change.type === "upsert") state.set(change.learnerId, change.learner);
        else state.delete(change.learnerId);
      }
      cursor = res.body.nextCursor;
      if (!res.body.hasMore) return cursor;
    }
  }

  /** The current state, straight from the tables (not through the feed's code). */
  async function currentState() {
    const learners = await db.prisma.learner.findMany({
      where: { enrolments: { some: { status: { in: ["ACTIVE", "PENDING_TRANSFER"] } } } },
      include: { enrolments: { where: { status: { in: ["ACTIVE", "PENDING_TRANSFER"] } }, include: { organisation: true } } },
    });
    return new Map(
      learners.map((l) => [
        l.id,
        {
          id: l.id,
          name: [l.lastName, l.firstName, l.middleName].join(" "),
          birthDate: l.birthDate.toISOString().slice(0, 10),
          snils: decryptIdentity("Learner", { snilsEnc: l.snilsEnc }).snils,
          places: l.enrolments.map((e) => `${e.organisation.ogrn}/${e.level}/${e.grade}/${e.programmeId}/${e.status}`).sort(),
        },
      ]),
    );
  }
  const summary = (state: Map<string, ApiFederalLearner>) =>
    new Map(
      [...state].map(([id, l]) => [
        id,
        {
          id: l.id,
          name: [l.lastName, l.firstName, l.middleName].join(" "),
          birthDate: l.birthDate,
          snils: l.snils,
          places: l.enrolments.map((e) => `${e.organisationOgrn}/${e.level}/${e.grade}/${e.programmeId}/${e.status}`).sort(),
        },
      ]),
    );

  it("replays into the current state, resumes from a cursor, and shows moves, edits and removals", async () => {
    const a = await enrolLearner(db.prisma, "school.registrar", "А", "Первый");
    const b = await enrolLearner(db.prisma, "school.registrar", "А", "Второй");
    const c = await enrolLearner(db.prisma, "school2.admin", "Б", "Третий");
    const state = new Map<string, ApiFederalLearner>();
    const cursor = await replay(state);
    expect(summary(state)).toEqual(await currentState());
    expect(state.size).toBe(3);
    // Only the federal fields: no documents, addresses, health or portfolio.
    expect(Object.keys(state.get(a.id)!).sort()).toEqual(["birthDate", "citizenship", "enrolments", "firstName", "id", "lastName", "middleName", "sex", "snils"]);

    const school = await callerAs(db.prisma, "school.registrar");
    await school.movement.event({ type: "EXPULSION", learnerId: a.id, order: order("7-у"), leavingReason: "TRANSFER_OTHER_REGION", reason: "Выбытие за пределы региона" });
    await school.movement.event({ type: "CLASS_CHANGE", learnerId: b.id, order: order("8-у"), placement: { level: "BASIC", grade: 6, classLetter: "А" } });
    // A write outside the services is caught too: the log is kept by triggers.
    await db.prisma.learner.update({ where: { id: c.id }, data: { lastName: "Третьяков-Иной" } });

    // Resuming from the saved cursor brings only what changed since.
    const fresh = await page(cursor, 100);
    const types = new Map(fresh.body.changes.map((ch: { learnerId: string; type: string }) => [ch.learnerId, ch.type]));
    expect(types.get(a.id)).toBe("remove");
    expect(types.get(b.id)).toBe("upsert");
    expect(fresh.body.changes.find((ch: { learnerId: string }) => ch.learnerId === c.id).learner.lastName).toBe("Третьяков-Иной");
    await replay(state, cursor);
    expect(state.has(a.id)).toBe(false);
    expect(state.get(b.id)!.enrolments[0]!.grade).toBe(6);
    expect(summary(state)).toEqual(await currentState());

    // And a full replay from the start into an empty store ends in the same state.
    const again = new Map<string, ApiFederalLearner>();
    await replay(again, "0", 5);
    expect(summary(again)).toEqual(await currentState());
  });

  it("answers an empty page at the end and INVALID_CURSOR for a malformed cursor", async () => {
    const head = await replay(new Map());
    const empty = await page(head, 10);
    expect(empty.body).toEqual({ changes: [], nextCursor: head, hasMore: false });
    const bad = await callApi(db.prisma, getFederalChanges, { method: "get", path: "/federal/changes", url: "/federal/changes?cursor=abc", token: federal.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("INVALID_CURSOR");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.federal.changes.read", outcome: "SUCCESS" }, orderBy: { id: "desc" } });
    expect(audit.machineClientId).toBe(federal.id);
  });
});
