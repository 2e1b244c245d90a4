// Encryption of identifying fields at rest (SNILS, document numbers, TOTP
// secrets) and the keyed blind index that finds them without decrypting.
//   envelope: "v1.<keyId>.<iv b64url>.<ciphertext+tag b64url>" (AES-256-GCM)
// The context (e.g. "Learner.snils") is bound as additional authenticated
// data, so a ciphertext copied into another column does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { fieldKeys } from "./keys";

const VERSION = "v1";

export function encryptField(plain: string, context: string): string {
  const { currentId, dataKeys } = fieldKeys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKeys.get(currentId)!, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, currentId, iv.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptField(envelope: string, context: string): string {
  const [version, keyId, ivPart, bodyPart] = envelope.split(".");
  if (version !== VERSION || !keyId || !ivPart || !bodyPart) throw new Error("Malformed encrypted field");
  const key = fieldKeys().dataKeys.get(keyId);
  if (!key) throw new Error(`No data key "${keyId}" configured (KONTINGENT_DATA_KEYS)`);
  const body = Buffer.from(bodyPart, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivPart, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

export function encryptOptional(plain: string | null | undefined, context: string): string | null {
  return plain == null || plain === "" ? null : encryptField(plain, context);
}

export function decryptOptional(envelope: string | null | undefined, context: string): string | null {
  return envelope == null ? null : decryptField(envelope, context);
}

/** The key id an envelope was written with (for rotation). */
export function envelopeKeyId(envelope: string): string {
  return envelope.split(".")[1] ?? "";
}

/**
 * Keyed blind index: HMAC-SHA256 over "<kind>:<normalised value>", hex.
 * Equal values of one kind give equal digests; without the key the digest
 * reveals nothing (SNILS has only 10^9 values, so a plain hash would not do).
 */
export function blindIndex(kind: string, normalisedValue: string): string {
  return createHmac("sha256", fieldKeys().indexKey).update(`${kind}:${normalisedValue}`, "utf8").digest("hex");
}
