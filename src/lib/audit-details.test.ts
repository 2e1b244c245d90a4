import { describe, expect, it } from "vitest";
import { en } from "@/messages/en";
import { ru } from "@/messages/ru";
import { describeDetails } from "./audit-details";

describe("audit details for people", () => {
  it("labels fields, translates values and shows instants in the given zone", () => {
    const details = {
      reason: "locked",
      lockedUntil: "2026-11-23T21:30:05.000Z",
      filters: { from: "2026-11-01", to: null, search: "И. П." },
      learnerSet: { count: 12, sha256: "ab".repeat(32) },
      truncated: false,
      role: "AUDITOR",
      changed: ["active"],
      unknownField: 7,
    };
    expect(describeDetails(details, ru, "Europe/Moscow")).toEqual([
      { key: "reason", label: "Причина", value: "учётная запись заблокирована" },
      { key: "lockedUntil", label: "Заблокирована до", value: "24.11.2026 00:30:05" },
      { key: "filters", label: "Фильтры", value: "С даты: 01.11.2026; Поиск: И. П." },
      { key: "learnerSet", label: "Обучающиеся в списке", value: "12 (список хранится отдельно)" },
      { key: "truncated", label: "Обрезано по пределу", value: "нет" },
      { key: "role", label: "Роль", value: "Ответственный за защиту ПДн" },
      { key: "changed", label: "Изменённые поля", value: "Активна" },
      // Never hidden: a field the catalogue lacks is shown under its own name.
      { key: "unknownField", label: "unknownField", value: "7" },
    ]);
    expect(describeDetails({ lockedUntil: "2026-11-23T21:30:05.000Z", reason: "locked" }, en, "UTC")).toEqual([
      { key: "lockedUntil", label: "Locked until", value: "23.11.2026 21:30:05" },
      { key: "reason", label: "Reason", value: "account locked" },
    ]);
  });
  it("shows organisations by the names the server resolved, other ids shortened", () => {
    const org = "6018d346-3c1b-4da2-b02b-e17387b030aa";
    const transfer = "61ed9a51-0c3e-4e88-8657-05d2673311ab";
    expect(describeDetails({ toOrganisationId: org, transferId: transfer }, ru, "UTC", { [org]: "МБОУ СОШ № 4" }).map((f) => f.value)).toEqual(["МБОУ СОШ № 4", "61ed9a51…"]);
  });
  it("shows nothing for rows without details", () => {
    expect(describeDetails(null, ru, "UTC")).toEqual([]);
    expect(describeDetails([1, 2], ru, "UTC")).toEqual([]);
  });
});
