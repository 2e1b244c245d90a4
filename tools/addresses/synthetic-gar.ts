// Writes the demo region's synthetic ГАР extract (prisma/seed/gar/99/): the
// real file names and attribute names of a ГАР region folder, small content —
// the three demo municipalities, seven settlements, their streets and ~180
// houses, including every address the demo organisations use, plus the
// historical and inactive rows a real extract carries (the loader must skip
// them). Deterministic: run it again and the files are the same.
//   npx tsx tools/addresses/synthetic-gar.ts [folder]
import fs from "node:fs";
import path from "node:path";

const DATE = "20261201";
const GUID = "0c5b7a52-1d1e-4f3a-9b6e-5a0d9b1c9e01";
const UPDATED = "2026-12-01";
const START = "2020-01-01";
const END = "2079-06-06";

const guid = (id: number) => `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`;
const attrs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
    .join(" ");

interface Obj { id: number; parent: number; name: string; type: string; level: number; oktmo: string; postcode?: string }
const objects: Obj[] = [];
const houses: { id: number; parent: number; num: string; add1?: [string, number]; oktmo: string; postcode: string }[] = [];
let nextId = 1_000_000;
const obj = (parent: number, type: string, name: string, level: number, oktmo: string, postcode?: string) => {
  const o = { id: ++nextId, parent, name, type, level, oktmo, postcode };
  objects.push(o);
  return o;
};
let nextHouse = 2_000_000;
const house = (on: Obj, num: string, add1?: [string, number]) =>
  houses.push({ id: ++nextHouse, parent: on.id, num, add1, oktmo: on.oktmo, postcode: on.postcode! });

const region = obj(0, "обл", "Демонстрационная", 1, "99000000");
const zarGo = obj(region.id, "г.о.", "Заречный", 3, "99701000");
const sosMr = obj(region.id, "м.р-н", "Сосновский", 3, "99620000");
const ozMo = obj(region.id, "м.о.", "Озёрский", 3, "99640000");
// A settlement municipality inside the district: its ОКТМО (99620416) is not a
// Municipality of the registry; the loader falls back to the district (99620000).
const lesnoeSp = obj(sosMr.id, "с.п.", "Лесное", 4, "99620416");

const zar = obj(zarGo.id, "г", "Заречный", 5, "99701000001", "199101");
const malinovka = obj(zarGo.id, "д", "Малиновка", 6, "99701000106", "199105");
const sosnovka = obj(sosMr.id, "с", "Сосновка", 6, "99620000101", "199201");
const ivanovka = obj(sosMr.id, "д", "Ивановка", 6, "99620000106", "199202");
const lesnoy = obj(lesnoeSp.id, "п", "Лесной", 6, "99620416101", "199210");
const ozyorsk = obj(ozMo.id, "г", "Озёрск", 5, "99640000001", "199301");
// Same name as the село of Сосновский district: ambiguous without the type or the municipality.
const sosnovkaOz = obj(ozMo.id, "д", "Сосновка", 6, "99640000111", "199311");

const street = (settlement: Obj, type: string, name: string, count: number, level = 8, under: Obj = settlement) => {
  const s = obj(under.id, type, name, level, settlement.oktmo, settlement.postcode);
  for (let n = 1; n <= count; n++) house(s, String(n));
  return s;
};

// Заречный: the school (Школьная 1) and the kindergarten (Садовая 5).
const shkolnaya = street(zar, "ул", "Школьная", 16);
const sadovaya = street(zar, "ул", "Садовая", 10);
street(zar, "ул", "Ленина", 10);
const miraZar = street(zar, "пр-кт", "Мира", 8);
street(zar, "ул", "Молодёжная", 6);
street(zar, "пер", "Школьный", 4);
street(zar, "ул", "8 Марта", 4);
street(zar, "б-р", "Победы", 4);
house(shkolnaya, "12а");
house(shkolnaya, "12б");
house(shkolnaya, "5", ["2", 1]); // д. 5, корп. 2
house(shkolnaya, "5", ["3", 1]);
house(sadovaya, "7", ["1", 2]); // д. 7, стр. 1
house(miraZar, "3/1");
// A microdistrict (planning element, level 7) with houses numbered on it.
const severny = obj(zar.id, "мкр", "Северный", 7, zar.oktmo, zar.postcode);
for (let n = 1; n <= 6; n++) house(severny, String(n));
for (let n = 1; n <= 8; n++) house(malinovka, String(n)); // a village without streets

// Сосновка: the gymnasium (Ленина 12); Лесной: the boarding school (Центральная 3).
street(sosnovka, "ул", "Ленина", 14);
street(sosnovka, "ул", "Центральная", 8);
street(sosnovka, "ул", "Лесная", 5);
for (let n = 1; n <= 6; n++) house(ivanovka, String(n));
street(lesnoy, "ул", "Центральная", 6);
street(lesnoy, "ул", "Лесная", 4);

// Озёрск: the college (пр-кт Мира 40), ЦДТ (Пионерская 7), school № 4 (Победы 4).
const miraOz = street(ozyorsk, "пр-кт", "Мира", 0);
for (let n = 36; n <= 42; n++) house(miraOz, String(n));
const pionerskaya = street(ozyorsk, "ул", "Пионерская", 8);
street(ozyorsk, "ул", "Победы", 6);
street(ozyorsk, "ул", "Набережная", 6);
street(ozyorsk, "ул", "Озёрная", 5);
street(ozyorsk, "ул", "Школьная", 6);
house(pionerskaya, "7", ["1", 1]);
// A street under a planning element: its settlement is its grandparent.
const solnechny = obj(ozyorsk.id, "мкр", "Солнечный", 7, ozyorsk.oktmo, ozyorsk.postcode);
street(ozyorsk, "ул", "Солнечная", 5, 8, solnechny);
street(sosnovkaOz, "ул", "Лесная", 4);

// Historical and inactive rows the loader must skip.
const RENAMED = { id: miraZar.id, name: "Коммунистическая" }; // the street's name before 2020
const DEMOLISHED = ++nextHouse; // a house of Школьная that is no longer active
const OLD_PARENT = severny.id; // Школьная 16 once numbered on the microdistrict

function write(folder: string) {
  fs.mkdirSync(folder, { recursive: true });
  for (const f of fs.readdirSync(folder)) if (/^AS_.*\.XML$/i.test(f)) fs.rmSync(path.join(folder, f));
  const file = (kind: string, root: string, rows: string[]) =>
    fs.writeFileSync(path.join(folder, `AS_${kind}_${DATE}_${GUID}.XML`), `<?xml version="1.0" encoding="utf-8"?><${root}>\n${rows.join("\n")}\n</${root}>\n`);

  let rowId = 100;
  const objectRows = objects.map((o) =>
    `<OBJECT ${attrs({ ID: ++rowId, OBJECTID: o.id, OBJECTGUID: guid(o.id), CHANGEID: rowId * 3, NAME: o.name, TYPENAME: o.type, LEVEL: o.level, OPERTYPEID: 1, PREVID: o.id === RENAMED.id ? 99 : 0, NEXTID: 0, UPDATEDATE: UPDATED, STARTDATE: START, ENDDATE: END, ISACTUAL: 1, ISACTIVE: 1 })} />`,
  );
  objectRows.push(`<OBJECT ${attrs({ ID: 99, OBJECTID: RENAMED.id, OBJECTGUID: guid(RENAMED.id), CHANGEID: 98, NAME: RENAMED.name, TYPENAME: "ул", LEVEL: 8, OPERTYPEID: 1, PREVID: 0, NEXTID: 101, UPDATEDATE: START, STARTDATE: "2000-01-01", ENDDATE: START, ISACTUAL: 0, ISACTIVE: 0 })} />`);
  file("ADDR_OBJ", "ADDRESSOBJECTS", objectRows);

  const houseRows = houses.map((h) =>
    `<HOUSE ${attrs({ ID: ++rowId, OBJECTID: h.id, OBJECTGUID: guid(h.id), CHANGEID: rowId * 3, HOUSENUM: h.num, ADDNUM1: h.add1?.[0], HOUSETYPE: 2, ADDTYPE1: h.add1?.[1], OPERTYPEID: 1, PREVID: 0, NEXTID: 0, UPDATEDATE: UPDATED, STARTDATE: START, ENDDATE: END, ISACTUAL: 1, ISACTIVE: 1 })} />`,
  );
  houseRows.push(`<HOUSE ${attrs({ ID: ++rowId, OBJECTID: DEMOLISHED, OBJECTGUID: guid(DEMOLISHED), CHANGEID: rowId * 3, HOUSENUM: "99", HOUSETYPE: 2, OPERTYPEID: 30, PREVID: 0, NEXTID: 0, UPDATEDATE: UPDATED, STARTDATE: START, ENDDATE: END, ISACTUAL: 1, ISACTIVE: 0 })} />`);
  file("HOUSES", "HOUSES", houseRows);

  const byId = new Map(objects.map((o) => [o.id, o]));
  const pathOf = (id: number): string => {
    const o = byId.get(id);
    return o && o.parent ? `${pathOf(o.parent)}.${id}` : String(id);
  };
  const item = (objectId: number, parent: number, oktmo: string, active = 1, self = objectId) =>
    `<ITEM ${attrs({ ID: ++rowId, OBJECTID: objectId, PARENTOBJID: parent || undefined, CHANGEID: rowId * 3, OKTMO: oktmo, PREVID: 0, NEXTID: 0, UPDATEDATE: UPDATED, STARTDATE: START, ENDDATE: active ? END : START, ISACTIVE: active, PATH: parent ? `${pathOf(parent)}.${self}` : String(self) })} />`;
  const items = [...objects.map((o) => item(o.id, o.parent, o.oktmo)), ...houses.map((h) => item(h.id, h.parent, h.oktmo))];
  const last = houses.find((h) => h.parent === shkolnaya.id && h.num === "16")!;
  items.push(item(last.id, OLD_PARENT, severny.oktmo, 0));
  file("MUN_HIERARCHY", "ITEMS", items);

  const params: string[] = [];
  for (const h of houses) {
    params.push(`<PARAM ${attrs({ ID: ++rowId, OBJECTID: h.id, CHANGEID: rowId * 3, CHANGEIDEND: 0, TYPEID: 5, VALUE: h.postcode, UPDATEDATE: UPDATED, STARTDATE: START, ENDDATE: END })} />`);
    params.push(`<PARAM ${attrs({ ID: ++rowId, OBJECTID: h.id, CHANGEID: rowId * 3, CHANGEIDEND: 0, TYPEID: 7, VALUE: h.oktmo, UPDATEDATE: UPDATED, STARTDATE: START, ENDDATE: END })} />`);
  }
  // A postcode that changed: the old value ended in 2020.
  params.push(`<PARAM ${attrs({ ID: ++rowId, OBJECTID: houses[0]!.id, CHANGEID: 5, CHANGEIDEND: rowId * 3, TYPEID: 5, VALUE: "199000", UPDATEDATE: START, STARTDATE: "2000-01-01", ENDDATE: START })} />`);
  file("HOUSES_PARAMS", "PARAMS", params);
  return { objects: objects.length, houses: houses.length };
}

const folder = process.argv[2] ?? path.join(import.meta.dirname, "../../prisma/seed/gar/99");
console.log(write(folder));
