import { describe, expect, it } from "vitest";
import { healthRuleIssues, ZHealthData } from "./health";

const base = { recordedAt: "2025-09-01", healthGroup: "II", peGroup: "MAIN" };
const paths = (v: object, birth: string | null = null) => healthRuleIssues(v, birth).map((i) => i.path);
const zodPaths = (v: object) => {
  const r = ZHealthData.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("health record rules", () => {
  it("accepts a plain record and fills the flags", () => {
    const r = ZHealthData.parse(base);
    expect(r).toMatchObject({ disabilityIndefinite: false, needsAdaptedProgramme: false, longTermTreatment: false });
    expect(r.disability).toBeUndefined();
  });

  it("rejects unknown groups and a future date with Russian messages", () => {
    const r = ZHealthData.safeParse({ ...base, healthGroup: "VI", peGroup: "x", recordedAt: "2999-01-01" });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      healthGroup: "Выберите группу здоровья",
      peGroup: "Выберите медицинскую группу для занятий физкультурой",
      recordedAt: "Дата сведений не может быть в будущем",
    });
  });

  it("needs a reason and exactly one term for a disability", () => {
    expect(paths({ ...base, disability: "CHILD" })).toEqual(["disabilityReason", "disabilityUntil"]);
    expect(paths({ ...base, disability: "CHILD", disabilityReason: "общее", disabilityUntil: "2027-01-01", disabilityIndefinite: true })).toEqual(["disabilityUntil"]);
    expect(paths({ ...base, disability: "CHILD", disabilityReason: "общее", disabilityIndefinite: true })).toEqual([]);
    expect(paths({ ...base, disability: "CHILD", disabilityReason: "общее", disabilityUntil: "2024-01-01" })).toEqual(["disabilityUntil"]);
    expect(paths({ ...base, disabilityReason: "общее", disabilityIndefinite: true })).toEqual(["disabilityReason", "disabilityUntil"]);
  });

  it("checks the disability category against the age at recordedAt", () => {
    const d = { ...base, disabilityReason: "инвалидность с детства", disabilityIndefinite: true };
    expect(paths({ ...d, disability: "GROUP_II" }, "2015-03-07")).toEqual(["disability"]);
    expect(paths({ ...d, disability: "CHILD" }, "2015-03-07")).toEqual([]);
    // 18 on the day itself: a group, not the child category.
    expect(paths({ ...d, disability: "CHILD", recordedAt: "2025-09-01" }, "2007-09-01")).toEqual(["disability"]);
    expect(paths({ ...d, disability: "GROUP_I", recordedAt: "2025-09-01" }, "2007-09-01")).toEqual([]);
    expect(paths({ ...d, disability: "CHILD", recordedAt: "2025-08-31" }, "2007-09-01")).toEqual([]);
  });

  it("requires ОВЗ category and PMPK number and date for an adapted programme, and only then", () => {
    expect(paths({ ...base, needsAdaptedProgramme: true })).toEqual(["ovzCategory", "pmpkNumber", "pmpkDate"]);
    expect(paths({ ...base, needsAdaptedProgramme: true, ovzCategory: "AUTISM", pmpkNumber: "12/3", pmpkDate: "2025-05-01" })).toEqual([]);
    expect(paths({ ...base, ovzCategory: "AUTISM" })).toEqual(["ovzCategory"]);
  });

  it("requires a treatment period with to ≥ from", () => {
    expect(paths({ ...base, longTermTreatment: true })).toEqual(["treatmentFrom", "treatmentTo"]);
    expect(paths({ ...base, longTermTreatment: true, treatmentFrom: "2025-09-01", treatmentTo: "2025-08-01" })).toEqual(["treatmentTo"]);
    expect(paths({ ...base, longTermTreatment: true, treatmentFrom: "2025-09-01", treatmentTo: "2025-09-01" })).toEqual([]);
    expect(paths({ ...base, treatmentFrom: "2025-09-01" })).toEqual(["treatmentFrom"]);
  });

  it("reports cross-field problems through the zod schema as well, even with other errors", () => {
    expect(zodPaths({ ...base, healthGroup: "", longTermTreatment: true })).toEqual(expect.arrayContaining(["healthGroup", "treatmentFrom", "treatmentTo"]));
  });
});
