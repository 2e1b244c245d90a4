// Keys for field encryption and blind indexes, read once per process.
//   KONTINGENT_DATA_KEYS  "k2:<base64 32 bytes>,k1:<base64 32 bytes>" — the
//                         first key encrypts; every listed key decrypts, so a
//                         key can be rotated in without a flag day.
//   KONTINGENT_INDEX_KEY  <base64 32 bytes> — keys the blind index (HMAC).
//   KONTINGENT_AUDIT_ANCHOR_KEY <base64 32 bytes> — signs audit checkpoints.
// Outside production, unset variables fall back to a per-checkout random file
// under .data/ (like the session secret), so a newcomer needs no setup.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { envValue } from "../env";

export type FieldKeys = {
  currentId: string;
  dataKeys: ReadonlyMap<string, Buffer>;
  indexKey: Buffer;
};

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export function parseDataKeys(value: string): { currentId: string; dataKeys: Map<string, Buffer> } {
  const dataKeys = new Map<string, Buffer>();
  let currentId = "";
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [id, b64] = part.split(":");
    if (!id || !b64 || !KEY_ID.test(id)) throw new Error("KONTINGENT_DATA_KEYS: expected id:base64key[,id:base64key…]");
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new Error(`KONTINGENT_DATA_KEYS: key "${id}" must be 32 bytes (base64)`);
    if (dataKeys.has(id)) throw new Error(`KONTINGENT_DATA_KEYS: key id "${id}" listed twice`);
    dataKeys.set(id, key);
    currentId ||= id;
  }
  if (!currentId) throw new Error("KONTINGENT_DATA_KEYS is empty");
  return { currentId, dataKeys };
}

export function parseIndexKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new Error("KONTINGENT_INDEX_KEY must be 32 bytes (base64)");
  return key;
}

let cached: FieldKeys | undefined;

export function fieldKeys(): FieldKeys {
  if (cached) return cached;
  let dataKeysValue = envValue("KONTINGENT_DATA_KEYS");
  let indexKeyValue = envValue("KONTINGENT_INDEX_KEY");
  if (!dataKeysValue || !indexKeyValue) {
    if (envValue("NODE_ENV") === "production") {
      throw new Error("KONTINGENT_DATA_KEYS and KONTINGENT_INDEX_KEY must be set in production (see docs/operations.md, Keys and rotation)");
    }
    const local = localFieldKeys();
    dataKeysValue ||= local.dataKeys;
    indexKeyValue ||= local.indexKey;
  }
  cached = { ...parseDataKeys(dataKeysValue), indexKey: parseIndexKey(indexKeyValue) };
  return cached;
}

/** Test hook: forget the cached keys so a changed environment is read again. */
export function resetFieldKeysForTests(): void {
  cached = undefined;
}

let cachedAnchorKey: Buffer | undefined;

/**
 * KONTINGENT_AUDIT_ANCHOR_KEY: signs the audit chain's checkpoints, runs and
 * acknowledgements (src/server/audit/anchor.ts). Kept out of the database, so
 * someone who can rewrite the tables cannot sign a checkpoint.
 */
export function auditAnchorKey(): Buffer {
  if (cachedAnchorKey) return cachedAnchorKey;
  let value = envValue("KONTINGENT_AUDIT_ANCHOR_KEY");
  if (!value) {
    if (envValue("NODE_ENV") === "production") throw new Error("KONTINGENT_AUDIT_ANCHOR_KEY must be set in production (see docs/operations.md, Keys and rotation)");
    value = localFieldKeys().anchorKey;
  }
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new Error("KONTINGENT_AUDIT_ANCHOR_KEY must be 32 bytes (base64)");
  cachedAnchorKey = key;
  return key;
}

/** Test hook: forget the cached anchor key. */
export function resetAuditAnchorKeyForTests(): void {
  cachedAnchorKey = undefined;
}

/** The per-checkout keys under .data/ (generated on first use); `npm start` passes them on. */
export function localFieldKeys(): { dataKeys: string; indexKey: string; anchorKey: string } {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "field-keys.json");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const keys = {
      dataKeys: `local1:${randomBytes(32).toString("base64")}`,
      indexKey: randomBytes(32).toString("base64"),
      anchorKey: randomBytes(32).toString("base64"),
    };
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: "wx" });
  }
  const keys = JSON.parse(fs.readFileSync(file, "utf8")) as { dataKeys: string; indexKey: string; anchorKey?: string };
  if (!keys.anchorKey) {
    // A checkout from before the anchor key: add one, keeping the data keys.
    keys.anchorKey = randomBytes(32).toString("base64");
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys as { dataKeys: string; indexKey: string; anchorKey: string };
}
