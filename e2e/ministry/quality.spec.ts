// The ministry's data-quality page: counts per organisation from today's
// snapshot, with the time they were counted, and the trend below.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";

test("an education officer sees data-quality counts per organisation and when they were counted", async ({ page }) => {
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Качество данных" }).click();
  await expect(page).toHaveURL(/\/ministry\/quality$/);
  const table = page.getByTestId("quality-counts");
  await expect(table).toContainText("МБОУ СОШ № 1");
  await expect(table).toContainText("Итого");
  await expect(page.getByTestId("quality-refreshed-at")).toContainText(/Подсчитано \d{2}\.\d{2}\.\d{4}/);
  await page.screenshot({ path: "test-results/ministry-quality.png", fullPage: true });
});
