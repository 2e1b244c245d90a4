// The generated addresses read back through the application's parser: the
// texts the generator writes are the ones a school would type, so the
// resolver sees them as it will see real ones; and the plan's shape.
import { describe, expect, it } from "vitest";
import { parseAddress } from "@/lib/addresses/parse";
import { addressText, flatOf, partsOf, planAddresses, STATUS, withTypo } from "./addresses";
import { learnerAddressTexts } from "./address-rows";
import { planRegion } from "./plan";

const existing = {
  regionId: "00000000-0000-4000-8000-000000000000",
  municipalities: [{ id: "00000000-0000-4000-8000-000000000001", name: "Городской округ Заречный", oktmo: "99701000001" }],
  organisations: [],
};
const plan = planRegion(existing, 30_000, 3);
const a = planAddresses(plan, 3, [], 1_000);

describe("generated addresses", () => {
  it("sizes the directory to the population: 10–30 children per house, streets under settlements of the same municipality", () => {
    expect(a.house.count).toBeGreaterThan(31_000 / 30);
    expect(a.house.count).toBeLessThan(31_000 / 10);
    for (const st of a.streets) expect(a.settlements[st.settlement]).toBeDefined();
    for (let h = 0; h < a.house.count; h++) {
      const st = a.house.street[h]!;
      if (st >= 0) expect(a.streets[st]!.settlement).toBe(a.house.settlement[h]);
    }
    expect(new Set(a.streets.map((s) => s.objectId)).size).toBe(a.streets.length);
  });

  it("writes texts the application's parser reads back into the same parts", () => {
    for (let h = 0; h < a.house.count; h += 37) {
      const p = partsOf(a, h, h % 3 ? String(h % 180) : null);
      const parsed = parseAddress(addressText(p));
      const settlement = a.settlements[a.house.settlement[h]!]!;
      expect(parsed.postcode).toBe(p.postcode);
      expect(parsed.settlement).toBe(settlement.name);
      expect(parsed.house).toBe(p.house);
      expect(parsed.flat ?? null).toBe(p.flat);
      expect(parsed.building ?? null).toBe(p.building);
      const street = a.house.street[h]! >= 0 ? a.streets[a.house.street[h]!]!.name : null;
      if (street) expect(parsed.street).toBe(street);
    }
  });

  it("gives siblings one home and a few per cent of learners a typo, a stay or another actual address", () => {
    const L = plan.learners;
    for (let i = 0; i < L.count; i++) if (L.family[i] !== i) expect(a.home[i]).toBe(a.home[L.family[i]!]);
    const share = (s: number) => a.status.filter((x) => x === s).length / L.count;
    expect(share(STATUS.TYPO)).toBeGreaterThan(0.015);
    expect(share(STATUS.TYPO)).toBeLessThan(0.05);
    expect(share(STATUS.WITH_STAY) + share(STATUS.STAY_ONLY)).toBeGreaterThan(0.03);
    expect(share(STATUS.MATCHED)).toBeGreaterThan(0.85);
    const typo = [...a.status.keys()].find((i) => a.status[i] === STATUS.TYPO)!;
    const texts = learnerAddressTexts(plan, a, 3, typo);
    const correct = addressText(partsOf(a, a.home[typo]!, flatOf(a, 3, plan.learners.family[typo]!, a.home[typo]!)));
    expect(texts.registration).not.toBe(correct);
    expect(texts.registration!.length).toBe(correct.length);
  });

  it("misspells a name by swapping two letters after its capital, never the type", () => {
    expect(withTypo("ул. Ленина", 1, 1)).toMatch(/^ул\. Л/);
    expect(withTypo("ул. Ленина", 1, 1)).not.toBe("ул. Ленина");
    expect([...withTypo("ул. Ленина", 1, 1)].sort()).toEqual([..."ул. Ленина"].sort());
  });
});
