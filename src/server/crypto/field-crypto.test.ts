import { afterEach, describe, expect, it } from "vitest";
import { blindIndex, decryptField, encryptField, envelopeKeyId } from "./field-crypto";
import { parseDataKeys, resetFieldKeysForTests } from "./keys";

const k = (byte: number) => Buffer.alloc(32, byte).toString("base64");

describe("field encryption", () => {
  afterEach(() => resetFieldKeysForTests());

  it("round-trips, randomises the IV and never contains the plaintext", () => {
    const a = encryptField("11223344595", "Learner.snils");
    const b = encryptField("11223344595", "Learner.snils");
    expect(a).not.toBe(b);
    expect(a).not.toContain("11223344595");
    expect(decryptField(a, "Learner.snils")).toBe("11223344595");
  });

  it("refuses a ciphertext moved to another column or tampered with", () => {
    const a = encryptField("11223344595", "Learner.snils");
    expect(() => decryptField(a, "Representative.snils")).toThrow();
    const parts = a.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptField(parts.join("."), "Learner.snils")).toThrow();
  });

  it("encrypts with the first key and decrypts with any listed key (rotation)", () => {
    process.env.KONTINGENT_DATA_KEYS = `old:${k(1)}`;
    process.env.KONTINGENT_INDEX_KEY = k(9);
    resetFieldKeysForTests();
    const old = encryptField("secret", "T.c");
    expect(envelopeKeyId(old)).toBe("old");
    process.env.KONTINGENT_DATA_KEYS = `new:${k(2)},old:${k(1)}`;
    resetFieldKeysForTests();
    expect(decryptField(old, "T.c")).toBe("secret");
    expect(envelopeKeyId(encryptField("secret", "T.c"))).toBe("new");
  });

  it("blind index is deterministic, keyed and separated by kind", () => {
    process.env.KONTINGENT_DATA_KEYS = `a:${k(1)}`;
    process.env.KONTINGENT_INDEX_KEY = k(9);
    resetFieldKeysForTests();
    const one = blindIndex("snils", "11223344595");
    expect(blindIndex("snils", "11223344595")).toBe(one);
    expect(blindIndex("doc", "11223344595")).not.toBe(one);
    process.env.KONTINGENT_INDEX_KEY = k(8);
    resetFieldKeysForTests();
    expect(blindIndex("snils", "11223344595")).not.toBe(one);
  });

  it("rejects malformed key configuration", () => {
    expect(() => parseDataKeys("k1:short")).toThrow(/32 bytes/);
    expect(() => parseDataKeys(`k1:${k(1)},k1:${k(2)}`)).toThrow(/twice/);
    expect(() => parseDataKeys("")).toThrow(/empty/);
  });
});
