// The Ministry of Health dashboard: aggregate sections, the as-of date, the
// drill-down region → municipality → organisation, and the XLSX export.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { API_HEADERS, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

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
  // The file names the territory it covers.
  expect(download.suggestedFilename()).toBe("Группы здоровья — Городской округ Заречный — 2026-09-01.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as never);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(2).values as unknown[])[1]).toBe("Организация");
  expect((sheet.getRow(2).values as unknown[]).slice(-1)).toEqual(["Всего"]);

  // The place and the date are in the URL (ids and a date only): a reload keeps them.
  await expect(page).toHaveURL(/\?municipalityId=[0-9a-f-]{36}&asOf=2026-09-01$/);
  await page.reload();
  await expect(page.getByTestId("health-crumb-municipality")).toHaveText("Городской округ Заречный");
  await expect(page.getByTestId("health-asof")).toHaveValue("2026-09-01");
  await expect(groups).toContainText("МБОУ СОШ № 1");

  // Into an organisation: rows become grades.
  await groups.getByTestId("health-groups-drill").filter({ hasText: "МБОУ СОШ № 1" }).click();
  await expect(page.getByTestId("health-crumb-organisation")).toHaveText("МБОУ СОШ № 1");
  await expect(groups.locator("thead")).toContainText("Класс");
  // At an organisation the Ministry of Health may download the list of learners with health.
  const [list] = await Promise.all([page.waitForEvent("download"), page.getByTestId("health-export-list").click()]);
  expect(list.suggestedFilename()).toMatch(/^health-list_.*\.xlsx$/);

  // Back climbs to the municipality, and again to the region; the date stays.
  await page.goBack();
  await expect(page.getByTestId("health-crumb-organisation")).toHaveCount(0);
  await expect(page.getByTestId("health-crumb-municipality")).toHaveText("Городской округ Заречный");
  await expect(groups.getByTestId("health-groups-drill").filter({ hasText: "МБОУ СОШ № 1" })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("health-crumb-municipality")).toHaveCount(0);
  await expect(groups.getByTestId("health-groups-row")).toHaveCount(3);
  await expect(page.getByTestId("health-asof")).toHaveValue("2026-09-01");
});

test("health statistics sort by place and by count with the totals row last, and drill down after sorting", async ({ browser, page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Two learners with a health group in Заречный, so its total is above the others'.
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  const ids = [await createLearnerViaApi(registrar, newLearner()), await createLearnerViaApi(registrar, newLearner())];
  await registrar.close();
  const medic = await browser.newPage();
  await signInAndLand(medic, "school.medic", "school");
  for (const learnerId of ids) {
    const data = { recordedAt: "2025-09-01", healthGroup: "II", peGroup: "MAIN" };
    const res = await medic.request.post("/api/trpc/learners.health.record", { headers: API_HEADERS, data: { json: { learnerId, data } } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await medic.close();

  await signInAndLand(page, "health.officer", "health");
  const groups = page.getByTestId("health-groups");
  const names = groups.getByTestId("health-groups-drill");
  await expect(names).toHaveCount(3);
  await groups.getByTestId("sort-place").click();
  await expect(groups.getByRole("columnheader", { name: /Муниципалитет/ })).toHaveAttribute("aria-sort", "ascending");
  const ascending = await names.allTextContents();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, "ru")));
  await groups.getByTestId("sort-place").click();
  await expect(names).toHaveText([...ascending].reverse());

  // Counts: the largest first; the totals row stays the last row of the table.
  await groups.getByTestId("sort-total").click();
  await expect(names.first()).toHaveText("Городской округ Заречный");
  await expect(groups.locator("tfoot tr")).toHaveCount(1);
  await expect(groups.locator("tr").last()).toContainText("Всего");

  // Drilling down on a sorted table works (it once froze the page here).
  await names.first().click();
  await expect(page.getByTestId("health-crumb-municipality")).toHaveText("Городской округ Заречный");
  await expect(groups.getByTestId("health-groups-drill").filter({ hasText: "МБОУ СОШ № 1" })).toBeVisible();
  await expect(page.getByTestId("query-error")).toHaveCount(0);
  expect(pageErrors).toEqual([]);
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
