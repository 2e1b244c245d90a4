import { describe, expect, it } from "vitest";
import { formatAddress, normaliseName, parseAddress } from "./parse";

const parts = (text: string) => {
  const { rest, ...p } = parseAddress(text);
  return { ...p, ...(rest.length ? { rest } : {}) };
};

describe("parseAddress", () => {
  it("reads a full address with postcode, region and district words skipped", () => {
    expect(parts("123456, Демонстрационная обл., Сосновский р-н, с. Сосновка, ул. Центральная, д. 5, кв. 12")).toEqual({
      postcode: "123456",
      settlementType: "с",
      settlement: "Сосновка",
      streetType: "ул",
      street: "Центральная",
      house: "5",
      flat: "12",
    });
  });

  it("reads a street whose name is a street type spelled in full («ул. Набережная»), either order", () => {
    expect(parts("г. Заречный, ул. Набережная, д. 3")).toEqual({ settlementType: "г", settlement: "Заречный", streetType: "ул", street: "Набережная", house: "3" });
    expect(parts("г. Заречный, Набережная ул., д. 3")).toEqual({ settlementType: "г", settlement: "Заречный", streetType: "ул", street: "Набережная", house: "3" });
    // The abbreviation stays a type: «наб. Реки Сосновки» is an embankment named «Реки Сосновки».
    expect(parts("г. Заречный, наб. Реки Сосновки, 4")).toMatchObject({ streetType: "наб", street: "Реки Сосновки", house: "4" });
  });

  it("skips a municipality written in words", () => {
    expect(parts("Демонстрационная область, Городской округ Заречный, город Заречный, улица Школьная, дом 1")).toEqual({
      settlementType: "г",
      settlement: "Заречный",
      streetType: "ул",
      street: "Школьная",
      house: "1",
    });
    expect(parts("Сосновский муниципальный район, пос. Лесной, пер. Лесной, 3").settlement).toBe("Лесной");
  });

  it("knows every settlement type", () => {
    const cases: [string, string][] = [
      ["г. Заречный", "г"],
      ["город Заречный", "г"],
      ["с. Сосновка", "с"],
      ["село Сосновка", "с"],
      ["пос. Лесной", "п"],
      ["п. Лесной", "п"],
      ["поселок Лесной", "п"],
      ["посёлок Лесной", "п"],
      ["пгт Лесной", "пгт"],
      ["д. Ивановка", "д"],
      ["деревня Ивановка", "д"],
    ];
    for (const [text, type] of cases) expect(parseAddress(`${text}, ул. Мира, 1`).settlementType, text).toBe(type);
  });

  it("knows every street type", () => {
    const cases: [string, string][] = [
      ["ул. Мира", "ул"],
      ["улица Мира", "ул"],
      ["пр-кт Мира", "пр-кт"],
      ["проспект Мира", "пр-кт"],
      ["пр. Мира", "пр-кт"],
      ["пер. Мира", "пер"],
      ["переулок Мира", "пер"],
      ["б-р Мира", "б-р"],
      ["ш. Мира", "ш"],
      ["наб. Мира", "наб"],
      ["пл. Мира", "пл"],
      ["мкр Мира", "мкр"],
    ];
    for (const [text, type] of cases) {
      const p = parseAddress(`г. Заречный, ${text}, д. 1`);
      expect([p.streetType, p.street, p.house], text).toEqual([type, "Мира", "1"]);
    }
  });

  it("reads house forms: letters, fractions, корпус, строение", () => {
    expect(parts("г. Заречный, ул. Школьная, 5а")).toMatchObject({ house: "5а" });
    expect(parts("г. Заречный, ул. Школьная, д. 5 А")).toMatchObject({ house: "5а" });
    expect(parts("г. Заречный, ул. Школьная, д. 5-А")).toMatchObject({ house: "5а" });
    expect(parts("г. Заречный, ул. Школьная, д. 5/2")).toMatchObject({ house: "5/2" });
    expect(parts("г. Заречный, ул. Школьная, д. 5, корп. 2")).toMatchObject({ house: "5", building: "2" });
    expect(parts("г. Заречный, ул. Школьная, д. 5 к. 2")).toMatchObject({ house: "5", building: "2" });
    expect(parts("г. Заречный, ул. Школьная, д. 5 корпус 2")).toMatchObject({ house: "5", building: "2" });
    expect(parts("г. Заречный, ул. Школьная, 5к2")).toMatchObject({ house: "5", building: "2" });
    expect(parts("г. Заречный, ул. Школьная, д. 5, стр. 1")).toMatchObject({ house: "5", structure: "1" });
    expect(parts("г. Заречный, ул. Школьная, д. 5 строение 1")).toMatchObject({ house: "5", structure: "1" });
    expect(parts("г. Заречный, ул. Школьная, д.5стр1")).toMatchObject({ house: "5", structure: "1" });
  });

  it("reports a house range and does not take it for one house", () => {
    const p = parseAddress("г. Заречный, ул. Школьная, д. 5-7");
    expect(p.houseRange).toBe(true);
    expect(p.house).toBe("5-7");
    expect(parseAddress("г. Заречный, ул. Школьная, д. 5").houseRange).toBeUndefined();
  });

  it("reads flats in every spelling", () => {
    for (const flat of ["кв. 12", "квартира 12", "кв12", "кв.12", "КВ 12"]) {
      expect(parseAddress(`г. Заречный, ул. Школьная, д. 1, ${flat}`).flat, flat).toBe("12");
    }
  });

  it("survives missing commas, missing spaces, extra spaces and upper case", () => {
    expect(parts("г.Заречный ул.Школьная д.1 кв.5")).toEqual({ settlementType: "г", settlement: "Заречный", streetType: "ул", street: "Школьная", house: "1", flat: "5" });
    expect(parts("  Г.   ЗАРЕЧНЫЙ ,  УЛ.  ШКОЛЬНАЯ ,  Д.  1  ")).toEqual({ settlementType: "г", settlement: "ЗАРЕЧНЫЙ", streetType: "ул", street: "ШКОЛЬНАЯ", house: "1" });
  });

  it("reads the type after the name", () => {
    expect(parts("Заречный г., Ленина ул., 5")).toEqual({ settlementType: "г", settlement: "Заречный", streetType: "ул", street: "Ленина", house: "5" });
    expect(parts("Заречный г Ленина ул 5")).toEqual({ settlementType: "г", settlement: "Заречный", streetType: "ул", street: "Ленина", house: "5" });
  });

  it("keeps names that begin with a number or have several words", () => {
    expect(parts("г. Заречный, ул. 8 Марта, 3")).toMatchObject({ street: "8 Марта", house: "3" });
    expect(parts("г. Заречный, пр-кт 50 лет Октября, д. 3")).toMatchObject({ street: "50 лет Октября", house: "3" });
    expect(parts("г. Заречный, 8 Марта ул., 3")).toMatchObject({ street: "8 Марта", house: "3" });
  });

  it("tells деревня from дом and село from строение by what follows", () => {
    expect(parts("д. Ивановка, д. 5")).toEqual({ settlementType: "д", settlement: "Ивановка", house: "5" });
    expect(parts("с. Сосновка, ул. Мира, д. 5 с. 2")).toMatchObject({ settlement: "Сосновка", house: "5", structure: "2" });
  });

  it("places names written without types by their order", () => {
    expect(parts("Заречный, Школьная, 1")).toMatchObject({ settlement: "Заречный", street: "Школьная", house: "1" });
    expect(parts("г. Заречный, Школьная, 1")).toMatchObject({ settlement: "Заречный", street: "Школьная", house: "1" });
    expect(parts("Ленина 5")).toEqual({ street: "Ленина", house: "5" });
  });

  it("puts what it cannot place into rest, never throws", () => {
    expect(parseAddress("").rest).toEqual([]);
    expect(parseAddress("г. Заречный, ул. Школьная, д. 1, кв. 2, кв. 3").rest).toEqual(["3"]);
    expect(parseAddress("Россия").rest).toEqual(["Россия"]);
    for (const text of ["кв.", ",,,", "д.", "№ 5", "—", "123456", "ул.", "5-7-9 к"]) expect(() => parseAddress(text)).not.toThrow();
  });
});

describe("normaliseName", () => {
  it("lowers, turns ё into е, strips quotes and collapses spaces", () => {
    expect(normaliseName("  Посёлок   «Лесной» ")).toBe("поселок лесной");
    expect(normaliseName('"ЗАРЕЧНЫЙ"')).toBe("заречный");
  });
});

describe("formatAddress", () => {
  it("composes the display text", () => {
    expect(formatAddress({ settlementType: "г", settlement: "Заречный", streetType: "ул", street: "Школьная", house: "1", building: "2", flat: "5" })).toBe(
      "г. Заречный, ул. Школьная, д. 1, корп. 2, кв. 5",
    );
    expect(formatAddress({ postcode: "123456", settlementType: "пгт", settlement: "Лесной", streetType: "пр-кт", street: "Мира", house: "3", structure: "1" })).toBe(
      "123456, пгт Лесной, пр-кт Мира, д. 3, стр. 1",
    );
    expect(formatAddress({ settlement: "Заречный", house: "1" })).toBe("Заречный, д. 1");
  });

  it("round-trips through the parser", () => {
    const text = "г. Заречный, ул. Школьная, д. 1, корп. 2, кв. 5";
    expect(formatAddress(parseAddress(text))).toBe(text);
  });
});
