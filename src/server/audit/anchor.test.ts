// Signatures of checkpoints bind every field and the kind; the anchor file
// keeps checkpoints as JSON lines and gives back the last one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendCheckpointToFile, checkpointSignatureOk, lastCheckpointInFile, signatureOk, signRow } from "./anchor";

describe("audit anchors", () => {
  const row = { id: 7n, createdAt: new Date("2026-12-07T04:00:00.123Z"), auditId: 2457n, hash: "a".repeat(64), runId: null };
  const checkpoint = { ...row, mac: signRow("checkpoint", [row.id, row.createdAt, row.auditId, row.hash, row.runId]) };

  it("verifies a signed checkpoint and refuses any changed field or another kind", () => {
    expect(checkpointSignatureOk(checkpoint)).toBe(true);
    expect(checkpointSignatureOk({ ...checkpoint, auditId: 2456n })).toBe(false);
    expect(checkpointSignatureOk({ ...checkpoint, hash: "b".repeat(64) })).toBe(false);
    expect(checkpointSignatureOk({ ...checkpoint, mac: "0".repeat(64) })).toBe(false);
    expect(signatureOk(checkpoint.mac, "run", [row.id, row.createdAt, row.auditId, row.hash, row.runId])).toBe(false);
  });

  it("appends checkpoints to the anchor file and reads back the last", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kt-anchor-")), "anchors.jsonl");
    expect(lastCheckpointInFile(file)).toBeNull();
    appendCheckpointToFile({ ...checkpoint, id: 6n }, file);
    appendCheckpointToFile(checkpoint, file);
    const last = lastCheckpointInFile(file)!;
    expect(last).toEqual(checkpoint);
    expect(checkpointSignatureOk(last)).toBe(true);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
