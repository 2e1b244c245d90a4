import { describe, expect, it } from "vitest";
import { classKeys, countActions, groupByClass, nextPlacement, overridesOf, tallyOf, targetOf, type PlanRow } from "./plan";

const row = (id: string, grade: number, letter: string, level: string, defaultAction: PlanRow["defaultAction"]): PlanRow => ({
  enrolmentId: id,
  from: { level, grade, classLetter: letter },
  defaultAction,
});

describe("rollover plan", () => {
  it("moves to the next grade and level", () => {
    expect(nextPlacement({ level: "PRIMARY", grade: 4, classLetter: "А" })).toEqual({ level: "BASIC", grade: 5, classLetter: "А" });
    expect(nextPlacement({ level: "BASIC", grade: 9, classLetter: "Б" })).toEqual({ level: "SECONDARY", grade: 10, classLetter: "Б" });
    expect(nextPlacement({ level: "PRESCHOOL", grade: null, classLetter: null })).toBeNull();
  });

  it("keeps the class on repeat and ends it on graduation", () => {
    const from = { level: "BASIC", grade: 7, classLetter: "В" };
    expect(targetOf(from, "REPEAT_YEAR")).toEqual(from);
    expect(targetOf(from, "GRADUATION")).toBeNull();
  });

  it("counts the chosen actions and sends only the changed ones", () => {
    const rows = [row("a", 4, "А", "PRIMARY", "PROMOTION"), row("b", 9, "А", "BASIC", "GRADUATION"), row("c", 9, "А", "BASIC", "GRADUATION")];
    const choices = { a: "PROMOTION", b: "PROMOTION" } as const;
    expect(countActions(rows, choices)).toEqual({ PROMOTION: 2, REPEAT_YEAR: 0, GRADUATION: 1 });
    expect(overridesOf(rows, choices)).toEqual([{ enrolmentId: "b", action: "PROMOTION" }]);
  });

  it("groups consecutive rows of one class", () => {
    const groups = groupByClass([row("a", 4, "А", "PRIMARY", "PROMOTION"), row("b", 4, "А", "PRIMARY", "PROMOTION"), row("c", 4, "Б", "PRIMARY", "PROMOTION")]);
    expect(groups.map((g) => g.rows.length)).toEqual([2, 1]);
  });

  it("sends a chosen letter of next year's class, and counts learners whose class does not exist as without a class", () => {
    const rows = [row("a", 4, "А", "PRIMARY", "PROMOTION"), row("b", 4, "А", "PRIMARY", "PROMOTION"), row("c", 9, "А", "BASIC", "GRADUATION")];
    const choices = { a: "PROMOTION", b: "PROMOTION" } as const;
    const letters = { a: "Б", b: "А", c: "Б" };
    // b keeps its letter and c graduates: only a's letter travels.
    expect(overridesOf(rows, choices, letters)).toEqual([{ enrolmentId: "a", action: "PROMOTION", classLetter: "Б" }]);
    expect(targetOf(rows[0]!.from, "PROMOTION", "Б")).toEqual({ level: "BASIC", grade: 5, classLetter: "Б" });
    const tally = tallyOf(rows, choices, letters, classKeys([{ grade: 5, letter: "А" }]));
    expect(tally).toMatchObject({ PROMOTION: 2, GRADUATION: 1, undecided: 1, missing: ["5Б"] });
  });
});
