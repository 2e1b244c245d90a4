// The Ministry of Health dashboard: aggregate sections, the as-of date, the
// drill-down region → municipality → organisation, and the XLSX export.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { signInAndLand } from "../helpers";

test("the health officer drills into a municipality and downloads the groups XLSX", async ({ page }) => {
  await signInAndLand(page, "health.officer", "health");
  const dashboard = page.getByTestId("health-dashboard");
  await expect(dashboard).toBeVisible();
  for (const id of ["health-groups", "pe-groups", "health-by-age", "health-disabilities", "health-adapted"]) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  const asOf = page.getByTestId("health-asof");
  await expect(asOf).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await asOf.fill("2026-09-01");
  await expect(page.getByTestId("health-export-groups")).toHaveAttribute("href", /asOf=2026-09-01/);

  // Region level: every municipality is listed (zeros on fresh data) and can be opened.
  const groups = page.getByTestId("health-groups");
  await expect(groups.getByTestId("health-groups-row")).toHaveCount(3);
  await groups.getByTestId("health-groups-drill").filter({ hasText: "Заречный" }).click();
  await expect(page.getByTestId("health-crumb-municipality")).toHaveText("Городской округ Заречный");
  await expect(groups).toContainText("МБОУ СОШ № 1");
  await expect(page.getByTestId("health-export-groups")).toHaveAttribute("href", /municipalityId=[0-9a-f-]{36}/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("health-export-groups").click()]);
  expect(download.suggestedFilename()).toBe("health-groups_2026-09-01.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as never);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(2).values as unknown[])[1]).toBe("Организация");
  expect((sheet.getRow(2).values as unknown[]).slice(-1)).toEqual(["Всего"]);

  // Into an organisation: rows become grades.
  await groups.getByTestId("health-groups-drill").filter({ hasText: "МБОУ СОШ № 1" }).click();
  await expect(page.getByTestId("health-crumb-organisation")).toHaveText("МБОУ СОШ № 1");
  await expect(groups.locator("thead")).toContainText("Класс");
  // At an organisation the Ministry of Health may download the list of learners with health.
  const [list] = await Promise.all([page.waitForEvent("download"), page.getByTestId("health-export-list").click()]);
  expect(list.suggestedFilename()).toMatch(/^health-list_.*\.xlsx$/);
});

test("the education officer sees the same aggregates under /ministry/health", async ({ page }) => {
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation").getByRole("link", { name: "Здоровье: статистика" }).click();
  await expect(page).toHaveURL(/\/ministry\/health$/);
  await expect(page.getByTestId("health-groups").getByTestId("health-groups-row")).toHaveCount(3);
  await expect(page.getByTestId("health-adapted")).toBeVisible();
  // Counts only: no per-learner list, even at an organisation.
  await page.getByTestId("health-groups").getByTestId("health-groups-drill").filter({ hasText: "Заречный" }).click();
  await page.getByTestId("health-groups").getByTestId("health-groups-drill").filter({ hasText: "МБОУ СОШ № 1" }).click();
  await expect(page.getByTestId("health-crumb-organisation")).toBeVisible();
  await expect(page.getByTestId("health-export-list")).toHaveCount(0);
});
