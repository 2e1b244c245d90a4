import { describe, expect, it } from "vitest";
import { en } from "@/messages/en";
import { ru } from "@/messages/ru";
import {
  LEAVING_REASONS,
  REASONS_FOR_TYPE,
  educatedOutsideSchool,
  leftRegion,
  mapLeavingReasonText,
  noFollowUp,
  reasonFitsType,
} from "./leaving-reasons";
import { EXPULSION_TEXTS } from "./leaving-reason-texts";
import { ZSchoolEventInput } from "@/lib/schemas/movement";


describe("leaving reasons", () => {
  it("has a Russian and an English label for every reason and for «не указана»", () => {
    for (const r of [...LEAVING_REASONS, "NONE"]) {
      expect(ru.movement.leavingReasons[r], r).toMatch(/[а-я]/);
      expect(en.movement.leavingReasons[r], r).toMatch(/^[^а-яё]+$/i);
    }
    expect(ru.movement.leavingReasons.TRANSFER_OTHER_REGION).toBe("Выбытие в другой субъект РФ");
    expect(ru.movement.leavingReasons.NONE).toBe("не указана");
  });

  it("groups the reasons the municipal account needs", () => {
    expect(LEAVING_REASONS.filter(leftRegion)).toEqual(["TRANSFER_OTHER_REGION", "TRANSFER_ABROAD"]);
    expect(LEAVING_REASONS.filter(educatedOutsideSchool)).toEqual(["FAMILY_EDUCATION", "SELF_EDUCATION"]);
    expect(LEAVING_REASONS.filter(noFollowUp)).toEqual(["DEATH"]);
    expect(leftRegion(null)).toBe(false);
  });

  it("lets an expulsion carry every reason but a transfer within the region, a transfer out only transfers", () => {
    expect(reasonFitsType("TRANSFER_IN_REGION", "EXPULSION")).toBe(false);
    expect(REASONS_FOR_TYPE.EXPULSION).toHaveLength(LEAVING_REASONS.length - 1);
    expect(reasonFitsType("TRANSFER_OTHER_REGION", "EXPULSION")).toBe(true);
    expect(reasonFitsType("DEATH", "EXPULSION")).toBe(true);
    expect(REASONS_FOR_TYPE.TRANSFER_OUT).toEqual(["TRANSFER_IN_REGION", "TRANSFER_OTHER_REGION", "TRANSFER_ABROAD"]);
    expect(reasonFitsType("FAMILY_EDUCATION", "TRANSFER_OUT")).toBe(false);
  });

  it.each(EXPULSION_TEXTS)("maps the expulsion text %j to %s", (text, code) => {
    expect(mapLeavingReasonText(text, "EXPULSION")).toBe(code);
  });

  it("maps a transfer out to a transfer reason, within the region unless the text says otherwise", () => {
    expect(mapLeavingReasonText(null, "TRANSFER_OUT")).toBe("TRANSFER_IN_REGION");
    expect(mapLeavingReasonText("Смена места жительства семьи", "TRANSFER_OUT")).toBe("TRANSFER_IN_REGION");
    expect(mapLeavingReasonText("по состоянию здоровья", "TRANSFER_OUT")).toBe("TRANSFER_IN_REGION");
    expect(mapLeavingReasonText("переезд в другой регион", "TRANSFER_OUT")).toBe("TRANSFER_OTHER_REGION");
    expect(mapLeavingReasonText("выезд за границу", "TRANSFER_OUT")).toBe("TRANSFER_ABROAD");
  });

  it("refuses an expulsion order without a fitting reason, or OTHER without its text", () => {
    const base = { type: "EXPULSION", learnerId: "00000000-0000-4000-8000-000000000001", order: { orderNumber: "1", orderDate: "2026-01-10", effectiveDate: "2026-01-10" } };
    const issues = (input: object) => Object.fromEntries((ZSchoolEventInput.safeParse(input).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(issues(base)).toEqual({ leavingReason: "Укажите причину выбытия" });
    expect(issues({ ...base, leavingReason: "ELSEWHERE" })).toEqual({ leavingReason: "Укажите причину выбытия" });
    expect(issues({ ...base, leavingReason: "TRANSFER_IN_REGION" })).toEqual({ leavingReason: "Перевод в организацию региона оформляется переводом, а не отчислением" });
    expect(issues({ ...base, leavingReason: "OTHER", reason: "  " })).toEqual({ reason: "Опишите причину выбытия в основании" });
    expect(issues({ ...base, leavingReason: "OTHER", reason: "Решение суда" })).toEqual({});
    expect(ZSchoolEventInput.parse({ ...base, leavingReason: "FAMILY_EDUCATION", reason: "" })).toMatchObject({ leavingReason: "FAMILY_EDUCATION", reason: undefined });
  });
});
