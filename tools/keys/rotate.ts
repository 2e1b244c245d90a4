// `npm run keys:rotate [-- --reindex]`: re-encrypts every SNILS and document
// number whose envelope names a key other than the current (first) one of
// KONTINGENT_DATA_KEYS, in batches of one transaction each. With --reindex it
// also recomputes every SNILS blind index with KONTINGENT_INDEX_KEY (needed
// after changing the index key; stop the application for that run, since
// lookups by SNILS miss the rows not yet reindexed). Safe to run again.
// Rotation: put the new key first in KONTINGENT_DATA_KEYS, keep the old one
// after it, deploy, run this, then remove the old key (docs/security.md, "Encryption at rest").
import { envelopeKeyCounts, reindexSnils, rotateDataKeys } from "../../src/server/crypto/rotate-envelopes";
import { fieldKeys } from "../../src/server/crypto/keys";
import { openDatabase } from "../../src/server/db";
import { encryptPendingIdentities } from "../../src/server/services/learners/encrypt-pending";

const reindex = process.argv.includes("--reindex");
const handle = await openDatabase();
try {
  const log = (message: string) => console.log(message);
  await encryptPendingIdentities(handle.prisma, { log });
  console.log(`Current data key: "${fieldKeys().currentId}"; before: ${JSON.stringify(await envelopeKeyCounts(handle.prisma))}`);
  const rotated = await rotateDataKeys(handle.prisma, { log });
  console.log(`Re-encrypted ${rotated} value(s).`);
  if (reindex) console.log(`Reindexed ${await reindexSnils(handle.prisma, { log })} SNILS value(s).`);
  console.log(`After: ${JSON.stringify(await envelopeKeyCounts(handle.prisma))}`);
} finally {
  await handle.close();
}
