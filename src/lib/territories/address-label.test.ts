import { describe, expect, it } from "vitest";
import { addressLabel, houseNumber, objectName } from "./address-label";

describe("territory address labels", () => {
  it("dots the common short type names and keeps the others", () => {
    expect(objectName({ typeName: "г", name: "Заречный" })).toBe("г. Заречный");
    expect(objectName({ typeName: "пгт", name: "Лесной" })).toBe("пгт Лесной");
    expect(objectName({ typeName: "", name: "Лесной" })).toBe("Лесной");
  });
  it("names корпус and строение after the house number", () => {
    expect(houseNumber({ houseNum: "12а" })).toBe("д. 12а");
    expect(houseNumber({ houseNum: "12", addNum1: "1", addType1: 1, addNum2: "2", addType2: 2 })).toBe("д. 12 к. 1 стр. 2");
  });
  it("leaves out the street of a house numbered on a settlement", () => {
    expect(addressLabel({ typeName: "с", name: "Сосновка" }, null, { houseNum: "101" })).toBe("с. Сосновка, д. 101");
    expect(addressLabel({ typeName: "г", name: "Заречный" }, { typeName: "ул", name: "Школьная" }, null)).toBe("г. Заречный, ул. Школьная");
  });
});

describe("academic year of a date", () => {
  it("is the year of the 1 September on or before the date", async () => {
    const { academicYearOf } = await import("./academic-year");
    expect(academicYearOf("2026-12-07")).toBe(2026);
    expect(academicYearOf("2026-09-01")).toBe(2026);
    expect(academicYearOf("2026-08-31")).toBe(2025);
  });
});
