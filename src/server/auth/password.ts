// argon2id password hashing with OWASP's recommended minimum parameters
// (19 MiB, 2 iterations, 1 lane): strong, yet a sign-in stays well under 100 ms.
import argon2 from "argon2";

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash denies, never allows
  }
}

// Verified against when the login is unknown, so that answering "no such
// account" costs the same time as answering "wrong password".
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("kontingent-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
