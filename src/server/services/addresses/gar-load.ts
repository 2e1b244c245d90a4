// Loading a ГАР region extract into the address directory (AddressObject,
// AddressHouse). The files are streamed into temporary staging tables in
// batches; the directory is then rebuilt from them with a few set-based
// statements — parents and ОКТМО from AS_MUN_HIERARCHY, each house's street and
// settlement as its nearest ancestors of levels 7/8 and 5/6 on the hierarchy's
// PATH, the municipality by ОКТМО, postcode and ОКТМО from AS_HOUSES_PARAMS —
// all in ONE transaction: a broken file leaves the old directory as it was.
// The directory is not personal data and the load is an operator's command:
// no audit row (docs/addresses.md).
import { normaliseName, normaliseNumber } from "@/lib/addresses/normalise";
import { regionToday } from "@/lib/time-zone";
import type { Db, DbTx } from "../../db";
import { findGarFiles, GAR_FILES, streamGarRows, type GarRow } from "./gar-files";

const BATCH = 5000;

export interface GarLoadResult {
  objects: number;
  houses: number;
  /** Rows read from the files, active or not. */
  read: { objects: number; houses: number; hierarchy: number; params: number };
  /** Houses left out: active in AS_HOUSES but without an active place in the municipal hierarchy. */
  housesWithoutParent: number;
  milliseconds: number;
}

const active = (r: GarRow) => r.ISACTIVE === "1" && (r.ISACTUAL === undefined || r.ISACTUAL === "1");
const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
const text = (v: string | undefined, max: number) => (v ? v.slice(0, max) : null);

async function stage(tx: DbTx, sql: string, columns: unknown[][]) {
  if (columns[0]!.length) await tx.$executeRawUnsafe(sql, ...columns);
}

/** Replaces the directory with the extract in `folder` (one region's folder of a ГАР download). */
export async function loadGarFolder(db: Db, folder: string): Promise<GarLoadResult> {
  const started = Date.now();
  const files = findGarFiles(folder);
  const today = regionToday();
  const read = { objects: 0, houses: 0, hierarchy: 0, params: 0 };
  // Ids of the active objects and houses: hierarchy and params rows of other
  // things (flats, rooms, land plots — most of a real hierarchy) are dropped while streaming.
  const known = new Set<number>();
  const houseIds = new Set<number>();

  const counts = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE gar_obj (objectid bigint, guid uuid, name text, searchname text, typename text, level int) ON COMMIT DROP`);
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE gar_house (objectid bigint, guid uuid, housenum text, housetype int, addnum1 text, addtype1 int, addnum2 text, addtype2 int) ON COMMIT DROP`,
      );
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE gar_hier (objectid bigint, parentid bigint, oktmo text, path text) ON COMMIT DROP`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE gar_param (objectid bigint, typeid int, value text, startdate text) ON COMMIT DROP`);

      read.objects = await streamGarRows(files.objects, GAR_FILES.objects.element, BATCH, async (rows) => {
        const ok = rows.filter((r) => active(r) && int(r.OBJECTID) !== null && r.NAME && int(r.LEVEL) !== null);
        for (const r of ok) known.add(int(r.OBJECTID)!);
        await stage(
          tx,
          `INSERT INTO gar_obj SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[])`,
          [ok.map((r) => r.OBJECTID), ok.map((r) => r.OBJECTGUID), ok.map((r) => text(r.NAME, 250)), ok.map((r) => normaliseName(r.NAME!).slice(0, 250)), ok.map((r) => text(r.TYPENAME, 50) ?? ""), ok.map((r) => int(r.LEVEL))],
        );
      });
      read.houses = await streamGarRows(files.houses, GAR_FILES.houses.element, BATCH, async (rows) => {
        const ok = rows.filter((r) => active(r) && int(r.OBJECTID) !== null && r.HOUSENUM);
        for (const r of ok) houseIds.add(int(r.OBJECTID)!);
        const num = (v: string | undefined) => (v ? normaliseNumber(v).slice(0, 50) : null);
        await stage(
          tx,
          `INSERT INTO gar_house SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::int[])`,
          [ok.map((r) => r.OBJECTID), ok.map((r) => r.OBJECTGUID), ok.map((r) => num(r.HOUSENUM)), ok.map((r) => int(r.HOUSETYPE)), ok.map((r) => num(r.ADDNUM1)), ok.map((r) => int(r.ADDTYPE1)), ok.map((r) => num(r.ADDNUM2)), ok.map((r) => int(r.ADDTYPE2))],
        );
      });
      read.hierarchy = await streamGarRows(files.hierarchy, GAR_FILES.hierarchy.element, BATCH, async (rows) => {
        const ok = rows.filter((r) => r.ISACTIVE === "1" && (known.has(int(r.OBJECTID) ?? -1) || houseIds.has(int(r.OBJECTID) ?? -1)));
        await stage(tx, `INSERT INTO gar_hier SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])`, [
          ok.map((r) => r.OBJECTID),
          ok.map((r) => (int(r.PARENTOBJID) ? r.PARENTOBJID : null)),
          ok.map((r) => text(r.OKTMO, 11)),
          ok.map((r) => r.PATH ?? null),
        ]);
      });
      read.params = await streamGarRows(files.params, GAR_FILES.params.element, BATCH, async (rows) => {
        // Postcode (5) and ОКТМО (7) in force today; a changed value's old row has ENDDATE in the past.
        const ok = rows.filter((r) => (r.TYPEID === "5" || r.TYPEID === "7") && houseIds.has(int(r.OBJECTID) ?? -1) && (r.STARTDATE ?? "") <= today && (r.ENDDATE ?? "9999") > today);
        await stage(tx, `INSERT INTO gar_param SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[])`, [
          ok.map((r) => r.OBJECTID),
          ok.map((r) => Number(r.TYPEID)),
          ok.map((r) => r.VALUE ?? null),
          ok.map((r) => r.STARTDATE ?? ""),
        ]);
      });
      return rebuild(tx);
    },
    { timeout: 24 * 60 * 60 * 1000, maxWait: 60_000 },
  );
  // Fresh statistics for the planner: the tables were replaced wholesale.
  await db.$executeRawUnsafe(`ANALYZE "AddressObject"`);
  await db.$executeRawUnsafe(`ANALYZE "AddressHouse"`);
  return { ...counts, read, milliseconds: Date.now() - started };
}

// The Municipality of an ОКТМО: the one whose code's first 8 digits equal the
// item's; else, for a settlement municipality inside a municipal district
// (XX YYY ZZZ with ZZZ ≠ 000), the district (XX YYY 000). None: null.
const MUNICIPALITY_OF = (oktmo: string) => `coalesce(
  (SELECT m."id" FROM "Municipality" m WHERE substr(m."oktmo", 1, 8) = substr(${oktmo}, 1, 8) ORDER BY m."oktmo" LIMIT 1),
  (SELECT m."id" FROM "Municipality" m WHERE substr(m."oktmo", 1, 8) = substr(${oktmo}, 1, 5) || '000' ORDER BY m."oktmo" LIMIT 1))`;

// The nearest ancestor on the hierarchy's PATH (the item itself last) with a level in `levels`.
const NEAREST = (levels: string) => `(SELECT a.id FROM unnest(string_to_array(hi.path, '.')::bigint[]) WITH ORDINALITY AS a(id, n)
     JOIN gar_obj o ON o.objectid = a.id AND o.level IN (${levels}) ORDER BY a.n DESC LIMIT 1)`;

async function rebuild(tx: DbTx): Promise<{ objects: number; houses: number; housesWithoutParent: number }> {
  await tx.$executeRawUnsafe(`CREATE INDEX ON gar_obj (objectid)`);
  await tx.$executeRawUnsafe(`CREATE INDEX ON gar_hier (objectid)`);
  await tx.$executeRawUnsafe(`CREATE INDEX ON gar_param (objectid)`);
  await tx.$executeRawUnsafe(`ANALYZE gar_obj, gar_house, gar_hier, gar_param`);
  await tx.$executeRawUnsafe(`DELETE FROM "AddressHouse"`);
  await tx.$executeRawUnsafe(`DELETE FROM "AddressObject"`);
  const objects = await tx.$executeRawUnsafe(`
    INSERT INTO "AddressObject" ("objectId", "objectGuid", "parentId", "level", "typeName", "name", "searchName", "municipalityId", "oktmo")
    SELECT o.objectid, o.guid, hi.parentid, o.level, o.typename, o.name, o.searchname, ${MUNICIPALITY_OF("hi.oktmo")}, hi.oktmo
      FROM (SELECT DISTINCT ON (objectid) * FROM gar_obj ORDER BY objectid) o
      LEFT JOIN LATERAL (SELECT * FROM gar_hier h WHERE h.objectid = o.objectid LIMIT 1) hi ON true`);
  const houses = await tx.$executeRawUnsafe(`
    INSERT INTO "AddressHouse" ("objectId", "objectGuid", "parentId", "streetId", "settlementId", "municipalityId", "houseNum", "houseType",
                                "addNum1", "addType1", "addNum2", "addType2", "postcode", "oktmo")
    SELECT h.objectid, h.guid, hi.parentid, ${NEAREST("7, 8")}, ${NEAREST("5, 6")},
           ${MUNICIPALITY_OF("coalesce(pk.value, hi.oktmo)")}, h.housenum, h.housetype, h.addnum1, h.addtype1, h.addnum2, h.addtype2,
           CASE WHEN pc.value ~ '^[0-9]{6}$' THEN pc.value END, left(coalesce(pk.value, hi.oktmo), 11)
      FROM (SELECT DISTINCT ON (objectid) * FROM gar_house ORDER BY objectid) h
      JOIN LATERAL (SELECT * FROM gar_hier x WHERE x.objectid = h.objectid AND x.parentid IS NOT NULL LIMIT 1) hi ON true
      LEFT JOIN LATERAL (SELECT p.value FROM gar_param p WHERE p.objectid = h.objectid AND p.typeid = 5 ORDER BY p.startdate DESC LIMIT 1) pc ON true
      LEFT JOIN LATERAL (SELECT p.value FROM gar_param p WHERE p.objectid = h.objectid AND p.typeid = 7 ORDER BY p.startdate DESC LIMIT 1) pk ON true`);
  const [staged] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(DISTINCT objectid) AS n FROM gar_house`);
  return { objects, houses, housesWithoutParent: Number(staged!.n) - houses };
}
