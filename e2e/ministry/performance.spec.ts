// The education officer's view of marks by territory (issue 21): the page from
// the portal's menu, the drill-down from the region to a municipality kept in
// the URL (a reload shows the same place), and the XLSX of what is on screen.
// The figures are checked against a recount in
// src/server/services/performance/territory-performance.integration.test.ts;
// here the path, the URL state and the file.
import fs from "node:fs";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAndLand, storageStatePath } from "../helpers";
import { ensureClass } from "../school-classes";

const MUNICIPALITY = "Городской округ Заречный";

test("an education officer drills from the region into a municipality, reloads the same place and downloads it", async ({ browser, page }) => {
  // A class of this year in СОШ № 1 (Заречный), so the region's table has the municipality's row.
  const school = await browser.newContext(fs.existsSync(storageStatePath("school.admin")) ? { storageState: storageStatePath("school.admin") } : {});
  const schoolPage = await school.newPage();
  await signInAndLand(schoolPage, "school.admin", "school");
  await ensureClass(schoolPage, 6, "Я");
  await school.close();

  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Успеваемость" }).click();
  await expect(page).toHaveURL(/\/ministry\/performance/);
  await expect(page.getByRole("heading", { level: 1, name: "Успеваемость обучающихся" })).toBeVisible();

  const table = page.getByTestId("performance-territory");
  await table.getByRole("button", { name: MUNICIPALITY }).click();
  await expect(page).toHaveURL(/municipalityId=/);
  const trail = page.getByRole("navigation", { name: "Территория" });
  await expect(trail.getByRole("button", { name: MUNICIPALITY })).toBeVisible();
  await expect(table.getByRole("button", { name: "МБОУ СОШ № 1" })).toBeVisible();

  // The place is in the URL: a reload (or a shared link) shows the same municipality.
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Территория" }).getByRole("button", { name: MUNICIPALITY })).toBeVisible();
  await expect(page.getByTestId("performance-territory").getByRole("button", { name: "МБОУ СОШ № 1" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать XLSX" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe("PK");
  expect(pageErrors).toEqual([]);
});
