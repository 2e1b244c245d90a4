// Address suggestions through the tRPC procedure on the synthetic ГАР extract:
// streets by a prefix, houses by street and number, the own municipality
// first; who may ask (school registrar, municipality and region officers) and
// who may not (medic, health officer, system administrator); no audit row.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemoAddresses } from "../../../../prisma/seed/demo-addresses";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

describeDb("addresses.suggest", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let zar: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    await seedDemoAddresses(db.prisma);
    zar = (await db.prisma.municipality.findUniqueOrThrow({ where: { oktmo: "99701000001" } })).id;
  });
  afterAll(() => db?.close());

  const suggest = async (login: string, query: string, extra: { municipalityId?: string; limit?: number } = {}) =>
    (await (await callerAs(db.prisma, login)).addresses.suggest({ query, ...extra })).items;

  it("suggests streets by a prefix of their name, the own municipality first", async () => {
    const items = await suggest("mun.officer", "Школьн");
    expect(items.map((i) => i.label)).toEqual(["г. Заречный, ул. Школьная", "г. Заречный, пер. Школьный", "г. Озёрск, ул. Школьная"]);
    expect(items.every((i) => i.kind === "STREET")).toBe(true);
    expect(items[0]!.municipalityId).toBe(zar);
    expect(items[0]!.objectId).toMatch(/^\d+$/);
  });

  it("suggests houses of a street whose number starts with what was typed", async () => {
    const items = await suggest("school.registrar", "Заречный Школьная 1");
    expect(items.length).toBe(10);
    expect(items[0]).toMatchObject({ kind: "HOUSE", label: "г. Заречный, ул. Школьная, д. 1", municipalityId: zar, postcode: "199101" });
    expect(items.every((i) => i.kind === "HOUSE" && i.label.startsWith("г. Заречный, ул. Школьная, д. 1"))).toBe(true);
    const typed = await suggest("school.registrar", "г. Заречный, ул. Школьная, д. 5");
    expect(typed.map((i) => i.label).slice(0, 3)).toEqual(["г. Заречный, ул. Школьная, д. 5", "г. Заречный, ул. Школьная, д. 5, корп. 2", "г. Заречный, ул. Школьная, д. 5, корп. 3"]);
    expect((await suggest("school.registrar", "Малиновка 3"))[0]).toMatchObject({ kind: "HOUSE", label: "д. Малиновка, д. 3" });
  });

  it("suggests settlements, narrows to a municipality, and bounds the list", async () => {
    expect((await suggest("edu.officer", "Сосн")).filter((i) => i.kind === "SETTLEMENT").map((i) => i.label)).toEqual(["д. Сосновка", "с. Сосновка"]);
    const only = await suggest("edu.officer", "Лесная", { municipalityId: zar });
    expect(only).toEqual([]);
    expect(await suggest("edu.officer", "ул", { limit: 3 })).toHaveLength(0); // a lone type word is not a name
    expect(await suggest("edu.officer", "Ленина", { limit: 1 })).toHaveLength(1);
    expect(await suggest("edu.officer", "%_\\")).toEqual([]);
    // Whatever is typed, an answer and never a 500.
    for (const query of ["д.", "кв 5", "1-2-3", "123456", "ул ул ул", "а".repeat(200), "1".repeat(200), "г. Заречный, ул. Школьная, д. 5-7", "'; DROP TABLE x; --"]) {
      expect(Array.isArray(await suggest("edu.officer", query)), query).toBe(true);
    }
  });

  it("writes no audit row: the directory is not personal data", async () => {
    const before = await db.prisma.auditEvent.count();
    await suggest("mun.officer", "Школьн");
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("refuses roles without the check", async () => {
    for (const login of ["school.medic", "health.officer", "sys.admin"]) {
      await expect(suggest(login, "Школьн"), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
