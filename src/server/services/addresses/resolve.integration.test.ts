// The resolver against a directory: a settlement with streets and houses (the
// test fixture), a second settlement of the same name elsewhere, houses with
// корпус/строение; then the synthetic ГАР extract as the demo loads it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAddressFixture, type AddressFixture } from "../../testing/address-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { resolveAddressTexts } from "./resolve";

describeDb("resolveAddressTexts", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let zar: AddressFixture;
  let other: AddressFixture;
  let zarId: string;
  let sosnId: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    zarId = (await db.prisma.municipality.findUniqueOrThrow({ where: { oktmo: "99701000001" } })).id;
    sosnId = (await db.prisma.municipality.findUniqueOrThrow({ where: { oktmo: "99620000001" } })).id;
    zar = await createAddressFixture(db.prisma, { municipalityId: zarId, settlementName: "Тестовск", postcode: "199001" });
    // The same settlement name in another municipality: ambiguous without one.
    other = await createAddressFixture(db.prisma, { municipalityId: sosnId, settlementName: "Тестовск", prefix: "Другая", postcode: "199002" });
    // Корпус and строение on Школьная: 7 (plain), 7 корп. 2, 7 стр. 1, and «9а».
    const h = (objectId: bigint, houseNum: string, add?: [string, number]) => ({
      objectId,
      objectGuid: randomUUID(),
      parentId: zar.streetIds[0],
      streetId: zar.streetIds[0],
      settlementId: zar.settlementId,
      municipalityId: zarId,
      houseNum,
      addNum1: add?.[0] ?? null,
      addType1: add?.[1] ?? null,
      postcode: "199003",
    });
    const base = zar.settlementId + 50n;
    await db.prisma.addressHouse.createMany({ data: [h(base, "7"), h(base + 1n, "7", ["2", 1]), h(base + 2n, "7", ["1", 2]), h(base + 3n, "9а")] });
  });
  afterAll(() => db?.close());

  it("finds a house by settlement, street and number, in any spelling", async () => {
    const texts = ["199001, г. Тестовск, ул. Школьная, д. 3, кв. 7", "ТЕСТОВСК Г., ШКОЛЬНАЯ УЛ., 3", "г.Тестовск ул.Школьная д.3"];
    const found = await resolveAddressTexts(db.prisma, texts, { municipalityId: zarId });
    for (const text of texts) {
      const r = found.get(text)!;
      expect(r.match, text).toBe("HOUSE");
      expect(r.garHouseId).toBe(zar.streetAHouses[2]);
      expect(r.garObjectId).toBe(zar.streetIds[0]);
      expect(r.municipalityId).toBe(zarId);
      expect([r.settlement, r.street, r.house, r.postcode]).toEqual(["г. Тестовск", "ул. Школьная", "3", "199001"]);
    }
    expect(found.get(texts[0]!)!.flat).toBe("7");
  });

  it("tells корпус, строение and a letter apart", async () => {
    const texts = ["г. Тестовск, ул. Школьная, д. 7", "г. Тестовск, ул. Школьная, д. 7, корп. 2", "г. Тестовск, ул. Школьная, 7 стр. 1", "г. Тестовск, ул. Школьная, 9А", "г. Тестовск, ул. Школьная, д. 7, корп. 5"];
    const found = await resolveAddressTexts(db.prisma, texts, { municipalityId: zarId });
    const base = zar.settlementId + 50n;
    expect(texts.map((t) => found.get(t)!.garHouseId)).toEqual([base, base + 1n, base + 2n, base + 3n, null]);
    expect(found.get(texts[1]!)!.building).toBe("2");
    expect(found.get(texts[4]!)!.match).toBe("STREET");
  });

  it("matches a house on a settlement without streets, and a street when the house is not there", async () => {
    const found = await resolveAddressTexts(db.prisma, ["г. Тестовск, д. 101", "г. Тестовск, ул. Садовая, д. 99", "г. Тестовск"], { municipalityId: zarId });
    expect(found.get("г. Тестовск, д. 101")).toMatchObject({ match: "HOUSE", garHouseId: zar.settlementHouses[0] });
    expect(found.get("г. Тестовск, ул. Садовая, д. 99")).toMatchObject({ match: "STREET", garHouseId: null, garObjectId: zar.streetIds[1], house: "99" });
    expect(found.get("г. Тестовск")).toMatchObject({ match: "STREET", garObjectId: zar.settlementId, municipalityId: zarId });
  });

  it("leaves ambiguity, ranges and unknown names unmatched", async () => {
    const texts = ["г. Тестовск, ул. Школьная, д. 1", "г. Тестовск, ул. Несуществующая, д. 1", "г. Нигдеевск, ул. Школьная, д. 1", "г. Тестовск, ул. Школьная, д. 1-3", ""];
    // Without a municipality: «Тестовск» is two settlements, but only one has «Школьная».
    const found = await resolveAddressTexts(db.prisma, texts);
    expect(found.get(texts[0]!)).toMatchObject({ match: "HOUSE", garHouseId: zar.streetAHouses[0], municipalityId: zarId });
    expect(found.get(texts[1]!)).toMatchObject({ match: "UNMATCHED", garHouseId: null, garObjectId: null });
    expect(found.get(texts[2]!)).toMatchObject({ match: "UNMATCHED", municipalityId: null });
    expect(found.get(texts[3]!)).toMatchObject({ match: "STREET", garHouseId: null, house: "1-3" });
    expect(found.get(texts[3]!)!.parsed.houseRange).toBe(true);
    expect(found.get("")).toMatchObject({ match: "UNMATCHED" });
    // The settlement alone is ambiguous without a municipality.
    const alone = await resolveAddressTexts(db.prisma, ["г. Тестовск, д. 101"]);
    expect(alone.get("г. Тестовск, д. 101")!.match).toBe("UNMATCHED");
    // The other municipality's street, found there.
    const there = await resolveAddressTexts(db.prisma, ["г. Тестовск, ул. Другая Садовая, 2"], { municipalityId: sosnId });
    expect(there.get("г. Тестовск, ул. Другая Садовая, 2")).toMatchObject({ match: "HOUSE", garHouseId: other.streetBHouses[1], municipalityId: sosnId });
  });

  it("finds a street of the municipality when the text names no settlement", async () => {
    const found = await resolveAddressTexts(db.prisma, ["ул. Садовая, 4", "Садовая 4"], { municipalityId: zarId });
    expect(found.get("ул. Садовая, 4")).toMatchObject({ match: "HOUSE", garHouseId: zar.streetBHouses[3], settlement: "г. Тестовск" });
    expect(found.get("Садовая 4")!.garHouseId).toBe(zar.streetBHouses[3]);
  });

  it("resolves a large batch in a few statements", async () => {
    // 12,000 different houses (distinct lookups): all on the street, none in the directory.
    const texts = Array.from({ length: 12_000 }, (_, i) => `г. Тестовск, ул. Школьная, д. ${1000 + i}`);
    const started = Date.now();
    const found = await resolveAddressTexts(db.prisma, [...texts, "г. Тестовск, ул. Школьная, д. 5, кв. 1"], { municipalityId: zarId });
    expect(found.size).toBe(12_001);
    expect(texts.every((t) => found.get(t)!.match === "STREET")).toBe(true);
    expect(found.get("г. Тестовск, ул. Школьная, д. 5, кв. 1")!.garHouseId).toBe(zar.streetAHouses[4]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
