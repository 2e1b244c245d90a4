// The education officer's movement page: stale transfers for N days and flows
// between municipalities for a period both render and follow their inputs.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";

test("an education officer reviews stale transfers and flows between municipalities", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Движение" }).click();
  await expect(page).toHaveURL(/\/ministry\/movement$/);

  const stale = page.getByTestId("stale-transfers");
  await expect(stale.getByRole("heading", { name: "Переводы, ожидающие решения дольше N дней" })).toBeVisible();
  await expect(stale.getByTestId("stale-transfers-table")).toBeVisible();
  const days = stale.getByLabel("N, дней");
  await expect(days).toHaveValue("14");
  await days.fill("400");
  await expect(stale.locator("#olderThanDays-error")).toHaveText("Введите целое число дней от 0 до 365");
  await days.fill("0");
  await expect(stale.locator("#olderThanDays-error")).toHaveCount(0);
  await expect(stale.getByTestId("stale-transfers-table")).toBeVisible();
  await expect(stale.getByTestId("stale-transfers-table")).not.toHaveAttribute("aria-busy", "true");

  const flows = page.getByTestId("transfer-flows");
  await expect(flows.getByRole("heading", { name: "Потоки между муниципалитетами" })).toBeVisible();
  await expect(flows.getByLabel("Начало периода")).toHaveValue(/^\d{4}-09-01$/);
  await expect(flows.getByTestId("transfer-flows-table")).toBeVisible();
  await flows.getByLabel("Начало периода").fill("2020-01-01");
  await expect(flows.getByTestId("transfer-flows-table")).not.toHaveAttribute("aria-busy", "true");
  await flows.getByLabel("Конец периода").fill("2019-12-31");
  await expect(flows.locator("#to-error")).toHaveText("Укажите начало и конец периода; начало не позже конца");
  await flows.getByLabel("Конец периода").fill("2030-12-31");
  await expect(flows.locator("#to-error")).toHaveCount(0);
  await expect(flows.getByTestId("transfer-flows-table")).toBeVisible();

  await expect(page.getByTestId("query-error")).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
