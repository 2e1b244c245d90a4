// `npm run gar:load -- <folder>`: replaces the address directory with a ГАР
// region extract (one region's folder of the fias.nalog.ru «ГАР» download:
// AS_ADDR_OBJ, AS_HOUSES, AS_MUN_HIERARCHY, AS_HOUSES_PARAMS), as the
// database owner. All or nothing: a broken file leaves the directory as it was.
import { DomainError } from "../../src/server/errors";
import { openDatabase } from "../../src/server/db";
import { describeTarget, resolveOwnerTarget } from "../../src/server/db/target";
import { loadGarFolder } from "../../src/server/services/addresses/gar-load";

const folder = process.argv[2];
if (!folder) {
  console.error("Укажите папку региона выгрузки ГАР: npm run gar:load -- <папка>");
  process.exit(2);
}
const handle = await openDatabase(resolveOwnerTarget());
try {
  const r = await loadGarFolder(handle.prisma, folder);
  console.log(
    `ГАР loaded into ${describeTarget(handle.target)} in ${(r.milliseconds / 1000).toFixed(1)} s: ` +
      `${r.objects} address objects, ${r.houses} houses (read ${r.read.objects} object, ${r.read.houses} house, ` +
      `${r.read.hierarchy} hierarchy and ${r.read.params} parameter rows; ${r.housesWithoutParent} active houses without a place in the municipal hierarchy left out). ` +
      `Peak memory ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB.`,
  );
} catch (error) {
  if (error instanceof DomainError) {
    console.error(error.message + (error.details ? ` (${Object.values(error.details).join(": ")})` : ""));
    process.exitCode = 1;
  } else throw error;
} finally {
  await handle.close();
}
