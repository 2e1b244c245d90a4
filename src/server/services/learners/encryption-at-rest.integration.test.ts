// SNILS and identity-document numbers at rest: what the database holds (raw
// SQL, no Prisma mapping), search and duplicate rules through the blind index,
// key rotation and re-indexing, plaintext left by older releases, and a
// pg_dump of a seeded PostgreSQL database that must not contain any of them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resetFieldKeysForTests } from "../../crypto/keys";
import { envelopeKeyCounts, reindexSnils, rotateDataKeys } from "../../crypto/rotate-envelopes";
import { callerAs } from "../../testing/callers";
import { learnerInput, uniqueSnils } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { encryptPendingIdentities } from "./encrypt-pending";

const digits = (snils: string) => snils.replace(/\D/g, "");
const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const ENVELOPE = /^v1\.[\w-]{1,16}\.[\w-]{16}\.[\w-]+$/;

/**
 * A document number (digits) as it would sit in a dump or a JSON value: not
 * inside a longer token, since six digits in a row do occur by chance inside
 * base64 ciphertexts and password hashes.
 */
function containsValue(text: string, value: string): boolean {
  return new RegExp(`(^|[^0-9A-Za-z])${value}([^0-9A-Za-z]|$)`, "m").test(text);
}

describeDb("encryption at rest of SNILS and document numbers", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const learnerSnils = uniqueSnils(101);
  const repSnils = uniqueSnils(202);
  const secondSnils = uniqueSnils(303);
  const docNumbers = ["739251", "846203", "591784"];
  let learnerId: string;
  const savedEnv = { data: process.env.KONTINGENT_DATA_KEYS, index: process.env.KONTINGENT_INDEX_KEY };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const registrar = await callerAs(db.prisma, "school.registrar");
    const mother = {
      relation: "MOTHER", lastName: "Шифрова", firstName: "Анна", citizenship: "643", isPrimaryContact: true,
      snils: repSnils, docType: "PASSPORT_RF", docSeries: "4509", docNumber: docNumbers[1],
    };
    learnerId = (await registrar.learners.create(learnerInput({ learner: { lastName: "Шифров", snils: learnerSnils, docNumber: docNumbers[0] }, representatives: [mother] } as never))).id;
    // A sibling: the same mother (by SNILS) is linked, not copied.
    await registrar.learners.create(learnerInput({ learner: { lastName: "Шифрова", firstName: "Ольга", sex: "FEMALE", snils: secondSnils, docNumber: docNumbers[2] }, representatives: [mother] } as never));
    // Searches are audited: they must not leave the number in the audit trail either.
    await registrar.learners.list({ search: learnerSnils });
    await (await callerAs(db.prisma, "edu.officer")).learners.search({ query: digits(learnerSnils) });
  });
  afterAll(async () => {
    process.env.KONTINGENT_DATA_KEYS = savedEnv.data;
    process.env.KONTINGENT_INDEX_KEY = savedEnv.index;
    resetFieldKeysForTests();
    await db?.close();
  });

  it("stores only envelopes and blind indexes: no SNILS or document number in any row or audit entry", async () => {
    const tables = ["Learner", "Representative", "AuditEvent"];
    const text = (await Promise.all(tables.map((t) => db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${t}" t`))))
      .flat()
      .map((r) => r.row)
      .join("\n");
    for (const snils of [learnerSnils, repSnils, secondSnils]) {
      expect(text).not.toContain(digits(snils));
      expect(text).not.toContain(snils);
    }
    for (const number of docNumbers) expect(containsValue(text, number)).toBe(false);
    const stored = await db.prisma.$queryRawUnsafe<{ snilsEnc: string; snilsIndex: string; docNumberEnc: string }[]>(
      `SELECT "snilsEnc", "snilsIndex", "docNumberEnc" FROM "Learner" WHERE "id" = $1::uuid`,
      learnerId,
    );
    expect(stored[0]!.snilsEnc).toMatch(ENVELOPE);
    expect(stored[0]!.docNumberEnc).toMatch(ENVELOPE);
    expect(stored[0]!.snilsIndex).toMatch(/^[0-9a-f]{64}$/);
    // The database itself refuses a plaintext value in an envelope column.
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "Learner" SET "docNumberEnc" = '739251' WHERE "id" = $1::uuid`, learnerId)).rejects.toThrow();
  });

  it("finds a learner by exact SNILS in any spelling, shows the values decrypted, and keeps the duplicate rules", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    expect((await registrar.learners.list({ search: learnerSnils })).rows.map((r) => r.id)).toEqual([learnerId]);
    expect((await registrar.learners.list({ search: digits(learnerSnils) })).rows[0]).toMatchObject({ snils: digits(learnerSnils) });
    const found = await (await callerAs(db.prisma, "edu.officer")).learners.search({ query: learnerSnils });
    expect(found.rows.map((r) => r.id)).toEqual([learnerId]);
    const card = await registrar.learners.card({ id: learnerId });
    if (card.view !== "personal") throw new Error("expected the personal card");
    expect(card.learner).toMatchObject({ snils: digits(learnerSnils), docNumber: docNumbers[0] });
    expect(card.learner.representatives[0]).toMatchObject({ snils: digits(repSnils), docNumber: docNumbers[1] });
    await expect(registrar.learners.create(learnerInput({ learner: { snils: learnerSnils, lastName: "Другой" } }))).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { kind: "snils", existingId: learnerId } },
    });
    expect(await db.prisma.representative.count({ where: { lastName: "Шифрова" } })).toBe(1);
  });

  it("looks a SNILS up through the index on its blind index (one indexed equality)", async () => {
    const plan = await db.prisma.$transaction(async (tx) => {
      // With sequential scans priced out, the plan shows whether the index can serve a text parameter at all.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "id" FROM "Learner" WHERE "snilsIndex" = $1`, "0".repeat(64));
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Index (Only )?Scan using "?Learner_snilsIndex_idx"?/);
  });

  it("rotates the data key: no envelope keeps the old key id and every value decrypts to the same plaintext", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const before = await registrar.learners.card({ id: learnerId });
    process.env.KONTINGENT_DATA_KEYS = `rot2:${key(42)},${savedEnv.data}`;
    resetFieldKeysForTests();
    const oldIds = Object.keys(await envelopeKeyCounts(db.prisma));
    expect(oldIds).not.toContain("rot2");
    const rotated = await rotateDataKeys(db.prisma, { batchSize: 2 });
    expect(rotated).toBeGreaterThanOrEqual(6);
    expect(Object.keys(await envelopeKeyCounts(db.prisma))).toEqual(["rot2"]);
    expect(await rotateDataKeys(db.prisma)).toBe(0); // nothing left: a second run is a no-op
    // Only the new key configured: everything still reads back the same.
    process.env.KONTINGENT_DATA_KEYS = `rot2:${key(42)}`;
    resetFieldKeysForTests();
    expect(await registrar.learners.card({ id: learnerId })).toEqual(before);
  });

  it("re-indexes SNILS after an index key change, so exact search works again", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    process.env.KONTINGENT_INDEX_KEY = key(43);
    resetFieldKeysForTests();
    expect((await registrar.learners.list({ search: learnerSnils })).total).toBe(0);
    expect(await reindexSnils(db.prisma, { batchSize: 2 })).toBe(3);
    expect((await registrar.learners.list({ search: learnerSnils })).rows.map((r) => r.id)).toEqual([learnerId]);
  });

  it("encrypts plaintext that an older release left behind, then drops the holding table", async () => {
    const older = uniqueSnils(404);
    const { id } = await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput({ learner: { lastName: "Старов", snils: undefined, docNumber: undefined, docType: undefined, docSeries: undefined } }));
    await db.prisma.$executeRawUnsafe(`CREATE TABLE "PendingIdentityEncryption" ("model" text, "id" uuid, "snils" text, "docNumber" text)`);
    await db.prisma.$executeRawUnsafe(`INSERT INTO "PendingIdentityEncryption" VALUES ('Learner', $1::uuid, $2, '624810')`, id, digits(older));
    expect(await encryptPendingIdentities(db.prisma, { batchSize: 1 })).toBe(1);
    const registrar = await callerAs(db.prisma, "school.registrar");
    expect((await registrar.learners.list({ search: older })).rows.map((r) => r.id)).toEqual([id]);
    const holding = await db.prisma.$queryRawUnsafe<{ gone: boolean }[]>(`SELECT to_regclass('"PendingIdentityEncryption"') IS NULL AS gone`);
    expect(holding[0]?.gone).toBe(true);
  });

  it("a pg_dump of the database contains no SNILS (digits or formatted) and no document number", async () => {
    if (db.kind !== "postgres") return; // pg_dump needs a server; the row checks above cover PGlite
    const pgDump = installedPgDumps().find((p) => fs.existsSync(p)) ?? "pg_dump";
    const dump = execFileSync(pgDump, ["--no-owner", db.url!], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    expect(dump).toContain('"snilsEnc"'); // the dump really holds the registry
    expect(dump).toContain("Шифров");
    for (const snils of [learnerSnils, repSnils, secondSnils]) {
      expect(dump).not.toContain(digits(snils));
      expect(dump).not.toContain(snils);
    }
    for (const number of docNumbers) expect(containsValue(dump, number)).toBe(false);
  });

  it("stores the longest foreign document number the forms accept, under the longest key id the configuration allows", async () => {
    // 30 four-byte characters (zod counts code points) used to overflow a 200-character envelope column: a 500, found by the fuzz suite.
    const longest = "🙂".repeat(30);
    const configured = process.env.KONTINGENT_DATA_KEYS;
    process.env.KONTINGENT_DATA_KEYS = `${"k".repeat(16)}:${key(44)},${configured}`;
    resetFieldKeysForTests();
    try {
      const admin = await callerAs(db.prisma, "school.admin");
      const foreign = { citizenship: "643", docType: "FOREIGN_PASSPORT", docSeries: "", docNumber: longest, docCountry: "643" };
      const id = (await admin.learners.create(learnerInput({ learner: { lastName: "Длиннов", ...foreign } } as never))).id;
      const { representativeId } = await admin.learners.addRepresentative({
        learnerId: id,
        representative: { relation: "MOTHER", lastName: "Длиннова", firstName: "Анна", ...foreign } as never,
      });
      const card = await admin.learners.card({ id });
      if (card.view !== "personal") throw new Error("expected the personal view");
      expect(card.learner.docNumber).toBe(longest);
      expect(card.learner.representatives.find((r) => r.id === representativeId)?.docNumber).toBe(longest);
    } finally {
      process.env.KONTINGENT_DATA_KEYS = configured;
      resetFieldKeysForTests();
    }
  });
});

/** pg_dump of the installed PostgreSQL versions, newest first (Debian layout); else PATH. */
function installedPgDumps(): string[] {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => `${root}/${v}/bin/pg_dump`);
}
