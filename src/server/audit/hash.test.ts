import { describe, expect, it } from "vitest";
import { auditHash, canonicalJson, GENESIS_HASH } from "./hash";

const row = {
  at: new Date("2026-11-23T10:00:00.123Z"),
  actorId: null,
  actorLogin: "auditor",
  actorRole: "AUDITOR",
  ip: "127.0.0.1",
  action: "audit.log.read",
  outcome: "SUCCESS",
  entityType: null,
  entityId: null,
  details: { b: 1, a: { d: [1, "x"], c: null } },
};

describe("audit hash", () => {
  it("is independent of key order (jsonb reorders keys)", () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(auditHash(GENESIS_HASH, row)).toBe(auditHash(GENESIS_HASH, { ...row, details: { a: { c: null, d: [1, "x"] }, b: 1 } }));
  });

  it("changes with any field and with the previous hash", () => {
    const base = auditHash(GENESIS_HASH, row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash("1".repeat(64), row)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...row, outcome: "FAILURE" })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...row, at: new Date(row.at.getTime() + 1) })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...row, details: { b: 2, a: row.details.a } })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...row, ip: null })).not.toBe(base);
  });

  it("covers a machine client's id when set, and leaves rows without one hashed as before", () => {
    const base = auditHash(GENESIS_HASH, row);
    expect(auditHash(GENESIS_HASH, { ...row, machineClientId: null })).toBe(base);
    const byClient = auditHash(GENESIS_HASH, { ...row, machineClientId: "6f1c2a4e-0000-4000-8000-000000000001" });
    expect(byClient).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...row, machineClientId: "6f1c2a4e-0000-4000-8000-000000000002" })).not.toBe(byClient);
  });
});
