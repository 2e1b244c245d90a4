// `npm run db:seed`: the demo region into the configured database (idempotent),
// as its owner (DATABASE_OWNER_URL when set).
import { describeTarget, resolveOwnerTarget } from "../src/server/db/target";
import { openDatabase } from "../src/server/db";
import { seedDemoAddresses } from "./seed/demo-addresses";
import { DEMO_ACCOUNTS, seedDemoRegion } from "./seed/demo-region";

const handle = await openDatabase(resolveOwnerTarget());
try {
  const result = await seedDemoRegion(handle.prisma);
  // The address directory (synthetic ГАР extract), when none is loaded yet.
  if (await seedDemoAddresses(handle.prisma)) console.log("Demo address directory loaded (prisma/seed/gar/99).");
  console.log(
    `Demo region seeded into ${describeTarget(handle.target)}: ` +
      `${Object.keys(result.municipalityIds).length} municipalities, ${Object.keys(result.organisationIds).length} organisations, ${DEMO_ACCOUNTS.length} demo accounts.`,
  );
} finally {
  await handle.close();
}
