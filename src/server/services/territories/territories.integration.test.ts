// Territories assigned to schools (issue 22): who may do what, the coverage
// rule (house, street, settlement), overlaps, unassigned houses against a
// direct computation, copying last year's orders, first-grade places, and the
// audit rows of every write.
import { afterAll, beforeAll, expect, it } from "vitest";
import { regionToday } from "@/lib/time-zone";
import { createAddressFixture, type AddressFixture } from "../../testing/address-fixtures";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

/** Academic year of today (definitions: the year of the 1 September on or before today). */
const today = regionToday();
const Y = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1);
const DAY = `${Y}-09-01` <= today ? `${Y}-09-01` : today;

describeDb("territories assigned to schools", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let zar: AddressFixture;
  let sos: AddressFixture;
  let school1: string;
  let school9: string;
  let kinder5: string;
  let gymn2: string;
  let sosOrder: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const ids = db.seeded.organisationIds;
    const m = db.seeded.municipalityIds;
    school1 = ids.school1!;
    kinder5 = ids.kinder5!;
    gymn2 = ids.gymn2!;
    school9 = (
      await db.prisma.organisation.create({
        data: { municipalityId: m.zarechny!, type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 9", fullName: "МБОУ «Средняя школа № 9»", inn: "9901000099", ogrn: "1029900000099", kpp: "990101001", founder: "Администрация городского округа Заречный" },
      })
    ).id;
    zar = await createAddressFixture(db.prisma, { municipalityId: m.zarechny! });
    sos = await createAddressFixture(db.prisma, { municipalityId: m.sosnovka!, settlementName: "Сосновка", postcode: "999020" });
    const officer = await callerAs(db.prisma, "edu.officer");
    sosOrder = (await officer.territories.createOrder({ municipalityId: m.sosnovka!, academicYear: Y, orderNumber: "С-1", orderDate: DAY })).id;
    await officer.territories.addAssignment({ orderId: sosOrder, organisationId: gymn2, objectKind: "STREET", garObjectId: String(sos.streetIds[0]) });
  });
  afterAll(() => db?.close());

  it("school, health, admin and audit roles cannot write; school staff with PERSONAL write may look up, the others not", async () => {
    const house = String(zar.streetAHouses[0]);
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      const writes = [
        () => caller.territories.createOrder({ academicYear: Y, orderNumber: `X-${login}`, orderDate: DAY }),
        () => caller.territories.addAssignment({ orderId: sosOrder, organisationId: gymn2, objectKind: "HOUSE", garObjectId: String(sos.streetBHouses[0]) }),
        () => caller.territories.setPlaces({ organisationId: school1, academicYear: Y, places: 50 }),
        () => caller.territories.list({ academicYear: Y }),
        () => caller.territories.unassigned({ academicYear: Y }),
      ];
      for (const call of writes) await expect(call(), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      const lookup = caller.territories.schoolsForAddress({ academicYear: Y, houseId: house });
      if (login === "school.admin" || login === "school.registrar") await expect(lookup, login).resolves.toMatchObject({ houseId: house });
      else await expect(lookup, login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("a municipality's officer works in its municipality; another one's order, school, house and municipality are NOT_FOUND", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    const { id } = await mun.territories.createOrder({ academicYear: Y, orderNumber: "З-1", orderDate: DAY });
    await expect(mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "HOUSE", garObjectId: String(zar.streetAHouses[0]) })).resolves.toBeDefined();
    await expect(mun.territories.addAssignment({ orderId: sosOrder, organisationId: gymn2, objectKind: "HOUSE", garObjectId: String(sos.streetBHouses[0]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.addAssignment({ orderId: id, organisationId: gymn2, objectKind: "HOUSE", garObjectId: String(zar.streetAHouses[1]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "HOUSE", garObjectId: String(sos.streetBHouses[0]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "STREET", garObjectId: String(sos.streetIds[1]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.deleteOrder({ orderId: sosOrder })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.copyPreviousYear({ orderId: sosOrder })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.setPlaces({ organisationId: gymn2, academicYear: Y, places: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.list({ municipalityId: db.seeded.municipalityIds.sosnovka!, academicYear: Y })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mun.territories.schoolsForAddress({ academicYear: Y, houseId: String(sos.streetAHouses[0]) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sosAssignment = await db.prisma.territoryAssignment.findFirstOrThrow({ where: { orderId: sosOrder } });
    await expect(mun.territories.removeAssignment({ assignmentId: sosAssignment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A kindergarten takes no first-graders: a field error, not a territory.
    await expect(mun.territories.addAssignment({ orderId: id, organisationId: kinder5, objectKind: "HOUSE", garObjectId: String(zar.streetAHouses[2]) })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "organisationId" } });
    // The kind must match the object: a street id named as a settlement.
    await expect(mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "SETTLEMENT", garObjectId: String(zar.streetIds[0]) })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "garObjectId" } });
    const list = await mun.territories.list({ academicYear: Y });
    expect(list.municipality.id).toBe(db.seeded.municipalityIds.zarechny);
    expect(list.orders.map((o) => o.orderNumber)).toContain("З-1");
    expect(list.schools.map((s) => s.id).sort()).toEqual([school1, school9].sort());
    await mun.territories.deleteOrder({ orderId: id });
  });

  it("the region's officer names the municipality; an object of another municipality is a field error", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    await expect(officer.territories.list({ academicYear: Y })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "municipalityId" } });
    await expect(officer.territories.addAssignment({ orderId: sosOrder, organisationId: gymn2, objectKind: "HOUSE", garObjectId: String(zar.streetAHouses[0]) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "garObjectId" },
    });
    const list = await officer.territories.list({ municipalityId: db.seeded.municipalityIds.sosnovka!, academicYear: Y });
    expect(list.orders[0]!.schools[0]!.assignments[0]!.label).toBe("г. Сосновка, ул. Школьная");
  });

  it("looks a house up via its house, street and settlement assignments, shows overlaps and exactly the unassigned houses", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    const { id } = await mun.territories.createOrder({ academicYear: Y, orderNumber: "З-2", orderDate: DAY });
    const [a1, a2] = zar.streetAHouses;
    await mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "STREET", garObjectId: String(zar.streetIds[0]) });
    await mun.territories.addAssignment({ orderId: id, organisationId: school9, objectKind: "HOUSE", garObjectId: String(a1) });
    await mun.territories.addAssignment({ orderId: id, organisationId: school9, objectKind: "SETTLEMENT", garObjectId: String(zar.settlementId) });
    // The settlement covers everything: remove it again, and give the houses without a street one school by house.
    const settlementRow = await db.prisma.territoryAssignment.findFirstOrThrow({ where: { orderId: id, objectKind: "SETTLEMENT" } });
    const registrar = await callerAs(db.prisma, "school.registrar");
    const viaSettlement = await registrar.territories.schoolsForAddress({ academicYear: Y, houseId: String(zar.settlementHouses[0]) });
    expect(viaSettlement.schools).toEqual([expect.objectContaining({ organisationId: school9, via: [expect.objectContaining({ objectKind: "SETTLEMENT", label: "г. Заречный" })] })]);
    await mun.territories.removeAssignment({ assignmentId: settlementRow.id });
    await mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "HOUSE", garObjectId: String(zar.settlementHouses[0]) });

    const both = await mun.territories.schoolsForAddress({ academicYear: Y, houseId: String(a1) });
    expect(both.label).toBe("г. Заречный, ул. Школьная, д. 1");
    expect(both.schools.map((s) => [s.organisationId, s.via.map((v) => v.objectKind)]).sort()).toEqual(
      [
        [school1, ["STREET"]],
        [school9, ["HOUSE"]],
      ].sort(),
    );
    const viaStreet = await mun.territories.schoolsForAddress({ academicYear: Y, houseId: String(a2) });
    expect(viaStreet.schools).toEqual([expect.objectContaining({ organisationId: school1, via: [expect.objectContaining({ objectKind: "STREET", orderNumber: "З-2" })] })]);
    // The same house typed as text, resolved through the directory; a text naming no house is a field error.
    const byText = await registrar.territories.schoolsForAddress({ academicYear: Y, address: "г. Заречный, ул. Школьная, д. 2" });
    expect(byText).toMatchObject({ houseId: String(a2), schools: [expect.objectContaining({ organisationId: school1 })] });
    await expect(registrar.territories.schoolsForAddress({ academicYear: Y, address: "г. Заречный, ул. Школьная, д. 999" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "address" } });
    await expect(registrar.territories.schoolsForAddress({ academicYear: Y })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Next year nothing is assigned yet.
    expect((await mun.territories.schoolsForAddress({ academicYear: Y + 1, houseId: String(a2) })).schools).toEqual([]);

    // The same school by house and by street is no overlap.
    await mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "HOUSE", garObjectId: String(a2) });
    const overlaps = await mun.territories.overlaps({ academicYear: Y });
    expect(overlaps.total).toBe(1);
    expect(overlaps.rows).toEqual([{ houseId: String(a1), label: "г. Заречный, ул. Школьная, д. 1", schools: expect.arrayContaining([expect.objectContaining({ organisationId: school1 }), expect.objectContaining({ organisationId: school9 })]) }]);
    expect(await mun.territories.overlaps({ academicYear: Y, page: 5 })).toMatchObject({ total: 1, rows: [] });

    // Direct computation: every house of the municipality no assignment of the year names by house, street or settlement.
    const assignments = await db.prisma.territoryAssignment.findMany({ where: { academicYear: Y } });
    const houses = await db.prisma.addressHouse.findMany({ where: { municipalityId: db.seeded.municipalityIds.zarechny! } });
    const covered = (h: (typeof houses)[number]) =>
      assignments.some(
        (a) => (a.objectKind === "HOUSE" && a.garObjectId === h.objectId) || (a.objectKind === "STREET" && a.garObjectId === h.streetId) || (a.objectKind === "SETTLEMENT" && a.garObjectId === h.settlementId),
      );
    const expected = houses.filter((h) => !covered(h)).map((h) => String(h.objectId)).sort();
    const schoolsOf = (h: (typeof houses)[number]) =>
      new Set(
        assignments
          .filter((a) => (a.objectKind === "HOUSE" && a.garObjectId === h.objectId) || (a.objectKind === "STREET" && a.garObjectId === h.streetId) || (a.objectKind === "SETTLEMENT" && a.garObjectId === h.settlementId))
          .map((a) => a.organisationId),
      );
    expect(houses.filter((h) => schoolsOf(h).size > 1).map((h) => String(h.objectId)).sort()).toEqual(overlaps.rows.map((r) => r.houseId).sort());
    const unassigned = await mun.territories.unassigned({ academicYear: Y, pageSize: 200 });
    expect(unassigned.rows.map((r) => r.houseId).sort()).toEqual(expected);
    expect(unassigned).toMatchObject({ total: expected.length, houses: houses.length });
    expect(expected).toEqual([...zar.streetBHouses.map(String), String(zar.settlementHouses[1])].sort());
    const firstPage = await mun.territories.unassigned({ academicYear: Y, pageSize: 2 });
    expect(firstPage.rows).toHaveLength(2);
    expect(firstPage.total).toBe(expected.length);
  });

  it("copies last year's assignments into a new order without duplicates", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    const { id } = await mun.territories.createOrder({ academicYear: Y + 1, orderNumber: "З-1", orderDate: today });
    await mun.territories.addAssignment({ orderId: id, organisationId: school1, objectKind: "STREET", garObjectId: String(zar.streetIds[0]) });
    const last = await db.prisma.territoryAssignment.findMany({ where: { academicYear: Y, order: { municipalityId: db.seeded.municipalityIds.zarechny! } } });
    const { copied } = await mun.territories.copyPreviousYear({ orderId: id });
    expect(copied).toBe(last.length - 1);
    const now = await db.prisma.territoryAssignment.findMany({ where: { orderId: id } });
    const key = (a: { organisationId: string; objectKind: string; garObjectId: bigint }) => `${a.organisationId}/${a.objectKind}/${a.garObjectId}`;
    expect(now.map(key).sort()).toEqual(last.map(key).sort());
    expect(now.every((a) => a.academicYear === Y + 1)).toBe(true);
    expect((await mun.territories.copyPreviousYear({ orderId: id })).copied).toBe(0);
  });

  it("refuses a duplicate order number, a future date and places out of range as field errors; writes audit rows", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    const audits = await db.prisma.auditEvent.count({ where: { action: { startsWith: "territory." } } });
    const { id } = await mun.territories.createOrder({ academicYear: Y, orderNumber: "З-10", orderDate: DAY });
    await expect(mun.territories.createOrder({ academicYear: Y, orderNumber: " З-10 ", orderDate: DAY })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "orderNumber" } });
    await expect(mun.territories.createOrder({ academicYear: Y, orderNumber: "З-11", orderDate: "2100-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "orderDate" } });
    for (const places of [-1, 10_001, 1.5]) {
      await expect(mun.territories.setPlaces({ organisationId: school1, academicYear: Y, places })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { issues: [expect.objectContaining({ path: ["places"], message: "Мест — целое число от 0 до 10000" })] },
      });
    }
    await mun.territories.setPlaces({ organisationId: school1, academicYear: Y + 1, places: 75 });
    await mun.territories.setPlaces({ organisationId: school1, academicYear: Y + 1, places: 50 });
    expect((await mun.territories.list({ academicYear: Y + 1 })).schools.find((s) => s.id === school1)?.places).toBe(50);
    await mun.territories.deleteOrder({ orderId: id });
    expect(await db.prisma.auditEvent.count({ where: { action: { startsWith: "territory." } } })).toBe(audits + 4);
    const places = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "territory.places.set" }, orderBy: { id: "desc" } });
    expect(places).toMatchObject({ entityId: school1, details: { academicYear: Y + 1, places: 50, previousPlaces: 75 } });
    const all = await db.prisma.auditEvent.groupBy({ by: ["action"], where: { action: { startsWith: "territory." } }, _count: { _all: true } });
    expect(all.map((a) => a.action).sort()).toEqual(
      ["territory.assignment.add", "territory.assignment.remove", "territory.assignments.copy", "territory.order.create", "territory.order.delete", "territory.places.set"].sort(),
    );
  });
});

