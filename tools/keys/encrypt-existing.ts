// `npm run keys:encrypt-existing`: encrypts SNILS and document numbers that a
// database held in plaintext before the "encrypt_identity_fields" migration
// (which parked them in "PendingIdentityEncryption"), then drops that table.
// `npm start` does the same after migrating; this is for servers started otherwise.
import { openDatabase } from "../../src/server/db";
import { encryptPendingIdentities } from "../../src/server/services/learners/encrypt-pending";

const handle = await openDatabase();
try {
  const count = await encryptPendingIdentities(handle.prisma, { log: (m) => console.log(m) });
  console.log(count ? `Done: ${count} row(s) encrypted.` : "Nothing to encrypt.");
} finally {
  await handle.close();
}
