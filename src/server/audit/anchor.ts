// Anchors of the audit chain outside it. The chain's SHA-256 links show a
// changed or removed row in the middle, but not a cut tail, and anyone who can
// write the table can recompute every hash after a change. A checkpoint
// records the id and hash of the last verified row with an HMAC-SHA256 under
// KONTINGENT_AUDIT_ANCHOR_KEY, which the database does not hold: the chain
// must still reach that row with that hash. Verification runs and break
// acknowledgements carry the same kind of signature, so an edited or inserted
// row is told from a real one. Optionally each checkpoint is also appended to
// a file (KONTINGENT_AUDIT_ANCHOR_FILE), which survives deleted checkpoint rows.
import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import { auditAnchorKey } from "../crypto/keys";
import { envValue } from "../env";
import type { DbTx } from "../db";
import { canonicalJson } from "./hash";

export type SignedKind = "checkpoint" | "run" | "ack";
type Field = string | number | boolean | bigint | Date | null | undefined;

/** HMAC-SHA256 (hex) of a row's fields under the anchor key, bound to its kind. */
export function signRow(kind: SignedKind, fields: readonly Field[]): string {
  const values = fields.map((v) => (typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : (v ?? null)));
  return createHmac("sha256", auditAnchorKey()).update(canonicalJson([`kontingent-audit-${kind}/1`, ...values]), "utf8").digest("hex");
}

export function signatureOk(mac: string | null | undefined, kind: SignedKind, fields: readonly Field[]): boolean {
  if (!mac || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(mac, "hex"), Buffer.from(signRow(kind, fields), "hex"));
}

export interface Checkpoint {
  id: bigint;
  createdAt: Date;
  auditId: bigint;
  hash: string;
  runId: string | null;
  mac: string;
}

const checkpointFields = (c: Omit<Checkpoint, "mac">) => [c.id, c.createdAt, c.auditId, c.hash, c.runId];
export const checkpointSignatureOk = (c: Checkpoint) => signatureOk(c.mac, "checkpoint", checkpointFields(c));

/** Appends a signed checkpoint for the row `auditId` with `hash` (inside the caller's transaction). */
export async function writeCheckpoint(tx: DbTx, auditId: bigint, hash: string, runId: string | null): Promise<Checkpoint> {
  // The id is part of what is signed, so take it from the sequence first.
  const [{ id }] = await tx.$queryRaw<[{ id: bigint }]>`SELECT nextval(pg_get_serial_sequence('"AuditCheckpoint"', 'id')) AS id`;
  const row = { id, createdAt: new Date(), auditId, hash, runId };
  const checkpoint = { ...row, mac: signRow("checkpoint", checkpointFields(row)) };
  await tx.auditCheckpoint.create({ data: checkpoint });
  return checkpoint;
}

/** Every checkpoint in the database, oldest first. */
export async function readCheckpoints(db: DbTx): Promise<Checkpoint[]> {
  return db.auditCheckpoint.findMany({ orderBy: { id: "asc" } });
}

/** The anchor file from the environment, if set (read here so the CLI tools see it too). */
export function anchorFilePath(): string | null {
  return envValue("KONTINGENT_AUDIT_ANCHOR_FILE")?.trim() || null;
}

/** Appends the checkpoint as one JSON line; call after the checkpoint's transaction committed. */
export function appendCheckpointToFile(checkpoint: Checkpoint, file = anchorFilePath()): void {
  if (!file) return;
  const line = JSON.stringify({ ...checkpoint, id: checkpoint.id.toString(), auditId: checkpoint.auditId.toString(), createdAt: checkpoint.createdAt.toISOString() });
  fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
}

/** The newest checkpoint in the anchor file, or null when there is no file or no line. */
export function lastCheckpointInFile(file = anchorFilePath()): Checkpoint | null {
  // The file is the operator's (KONTINGENT_AUDIT_ANCHOR_FILE), not the app's: without
  // the ignore comments the build traces the whole project into its output.
  if (!file || !fs.existsSync(/*turbopackIgnore: true*/ file)) return null;
  const lines = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").split("\n").filter((l) => l.trim());
  const last = lines.at(-1);
  if (!last) return null;
  try {
    const raw = JSON.parse(last) as Record<string, string | null>;
    return { id: BigInt(raw.id!), createdAt: new Date(raw.createdAt!), auditId: BigInt(raw.auditId!), hash: String(raw.hash), runId: raw.runId ?? null, mac: String(raw.mac) };
  } catch {
    // An unreadable line is reported like a forged checkpoint.
    return { id: -1n, createdAt: new Date(0), auditId: 0n, hash: "", runId: null, mac: "" };
  }
}
