// The ГАР loader on the synthetic extract (prisma/seed/gar/99): counts, a
// house's street, settlement, municipality and postcode, inactive and
// historical rows skipped, a broken file refused with the directory unchanged,
// a second load replacing rather than duplicating.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_GAR_FOLDER } from "../../../../prisma/seed/demo-addresses";
import { DomainError } from "../../errors";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { loadGarFolder } from "./gar-load";
import { resolveAddressTexts } from "./resolve";

describeDb("ГАР loader", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let mun: Record<string, string>;
  const temp: string[] = [];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    mun = Object.fromEntries((await db.prisma.municipality.findMany()).map((m) => [m.oktmo, m.id]));
  });
  afterAll(async () => {
    for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
    await db?.close();
  });

  const copyExtract = (edit?: (name: string, text: string) => string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gar-"));
    temp.push(dir);
    for (const name of fs.readdirSync(DEMO_GAR_FOLDER)) {
      const text = fs.readFileSync(path.join(DEMO_GAR_FOLDER, name), "utf8");
      fs.writeFileSync(path.join(dir, name), edit ? edit(name, text) : text);
    }
    return dir;
  };

  it("loads the extract: active rows only, houses placed on street, settlement and municipality", async () => {
    const r = await loadGarFolder(db.prisma, DEMO_GAR_FOLDER);
    // 35 active objects (the renamed street's old row skipped), 173 active houses (the demolished one skipped).
    expect([r.objects, r.houses, r.housesWithoutParent]).toEqual([35, 173, 0]);
    expect(r.read.objects).toBe(36);
    expect(r.read.houses).toBe(174);
    expect(await db.prisma.addressObject.count({ where: { name: "Коммунистическая" } })).toBe(0);
    expect(await db.prisma.addressHouse.count({ where: { houseNum: "99" } })).toBe(0);

    const school = (await resolveAddressTexts(db.prisma, ["г. Заречный, ул. Школьная, д. 1"])).get("г. Заречный, ул. Школьная, д. 1")!;
    expect(school.match).toBe("HOUSE");
    const house = await db.prisma.addressHouse.findUniqueOrThrow({ where: { objectId: school.garHouseId! } });
    const street = await db.prisma.addressObject.findUniqueOrThrow({ where: { objectId: house.streetId! } });
    const settlement = await db.prisma.addressObject.findUniqueOrThrow({ where: { objectId: house.settlementId! } });
    expect([street.name, street.typeName, street.level, settlement.name, settlement.level]).toEqual(["Школьная", "ул", 8, "Заречный", 5]);
    expect(house.municipalityId).toBe(mun["99701000001"]);
    expect(street.municipalityId).toBe(mun["99701000001"]);
    // The current postcode, not the one that ended in 2020.
    expect(house.postcode).toBe("199101");
    expect(house.oktmo).toBe("99701000001");
    expect(settlement.searchName).toBe("заречный");
    // The active hierarchy row: Школьная 16's old parent (the microdistrict) is not used.
    const sixteen = await db.prisma.addressHouse.findFirstOrThrow({ where: { streetId: street.objectId, houseNum: "16" } });
    expect(sixteen.parentId).toBe(street.objectId);
  });

  it("places a street under a planning element, a village without streets, and a settlement municipality's houses", async () => {
    const texts = ["г. Озёрск, ул. Солнечная, д. 2", "д. Малиновка, д. 3", "пос. Лесной, ул. Центральная, д. 3", "г. Заречный, мкр Северный, д. 4", "г. Заречный, ул. Школьная, д. 5, корп. 2", "г. Заречный, ул. Садовая, д. 7, стр. 1"];
    const found = await resolveAddressTexts(db.prisma, texts);
    for (const t of texts) expect(found.get(t)!.match, t).toBe("HOUSE");
    expect(found.get(texts[0]!)!.settlement).toBe("г. Озёрск");
    expect(found.get(texts[1]!)!.municipalityId).toBe(mun["99701000001"]);
    // ОКТМО 99620416…: no such Municipality; the district 99620000 is.
    expect(found.get(texts[2]!)!.municipalityId).toBe(mun["99620000001"]);
    const village = await db.prisma.addressHouse.findUniqueOrThrow({ where: { objectId: found.get(texts[1]!)!.garHouseId! } });
    expect(village.streetId).toBeNull();
    // «Сосновка» is a село of Сосновский and a деревня of Озёрский: the type or the municipality tells them apart.
    const s = await resolveAddressTexts(db.prisma, ["с. Сосновка, ул. Ленина, 12", "Сосновка, ул. Лесная, 1", "д. Сосновка, ул. Лесная, 1"]);
    expect(s.get("с. Сосновка, ул. Ленина, 12")!.municipalityId).toBe(mun["99620000001"]);
    expect(s.get("Сосновка, ул. Лесная, 1")!.match).toBe("UNMATCHED");
    expect(s.get("д. Сосновка, ул. Лесная, 1")!.municipalityId).toBe(mun["99640000001"]);
  });

  it("resolves every demo organisation's address to a house", async () => {
    const addresses = (await db.prisma.organisation.findMany({ select: { address: true } })).map((o) => o.address!);
    const found = await resolveAddressTexts(db.prisma, addresses);
    for (const a of addresses) expect(found.get(a)!.match, a).toBe("HOUSE");
  });

  it("refuses a folder without the files and a broken file, leaving the directory as it was", async () => {
    const before = [await db.prisma.addressObject.count(), await db.prisma.addressHouse.count()];
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "gar-"));
    temp.push(empty);
    await expect(loadGarFolder(db.prisma, empty)).rejects.toThrow(/В папке нет файлов ГАР/);
    await expect(loadGarFolder(db.prisma, path.join(empty, "missing"))).rejects.toBeInstanceOf(DomainError);
    // AS_HOUSES_PARAMS cut in the middle of an element: read last, after everything else was staged.
    const broken = copyExtract((name, text) => (name.startsWith("AS_HOUSES_PARAMS") ? text.slice(0, Math.floor(text.length / 2)) : text));
    await expect(loadGarFolder(db.prisma, broken)).rejects.toThrow(/Файл ГАР повреждён/);
    const garbage = copyExtract((name, text) => (name.startsWith("AS_ADDR_OBJ") ? text.replace("<OBJECT ", "<OBJECT <<") : text));
    await expect(loadGarFolder(db.prisma, garbage)).rejects.toThrow(/Файл ГАР повреждён/);
    expect([await db.prisma.addressObject.count(), await db.prisma.addressHouse.count()]).toEqual(before);
  });

  it("replaces the directory on a second load instead of adding to it", async () => {
    const smaller = copyExtract((name, text) => (name.startsWith("AS_HOUSES_2") ? text.replace(/<HOUSE [^>]*HOUSENUM="12а"[^>]*\/>/, "") : text));
    const r = await loadGarFolder(db.prisma, smaller);
    expect([r.objects, r.houses]).toEqual([35, 172]);
    expect(await db.prisma.addressHouse.count()).toBe(172);
    const again = await loadGarFolder(db.prisma, DEMO_GAR_FOLDER);
    expect(again.houses).toBe(173);
    expect(await db.prisma.addressHouse.count()).toBe(173);
  });
});
