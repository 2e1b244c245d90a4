// The ministry's landing is the contingent dashboard: an officer drills down
// region → municipality → organisation → class to the class list and opens a
// learner's read-only card from it.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("an officer drills down to a class list", async ({ browser }) => {
  const learner = newLearner();
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  const id = await createLearnerViaApi(registrar, learner); // МБОУ СОШ № 1, 3Б
  await registrar.close();
  const name = `${learner.lastName} ${learner.firstName} ${learner.middleName}`;

  const page = await browser.newPage();
  await signInAndLand(page, "edu.officer", "ministry");
  await expect(page.getByTestId("ministry-dashboard")).toBeVisible();
  await expect(page.getByTestId("dashboard-pyramid")).toBeVisible();
  await expect(page.getByTestId("dashboard-movement")).toBeVisible();
  await expect(page.getByTestId("dashboard-completeness-table")).toContainText("МБОУ СОШ № 1");

  const units = page.getByTestId("dashboard-units-table");
  await units.getByRole("button", { name: "Городской округ Заречный", exact: true }).click();
  await expect(page.getByTestId("crumb-municipality")).toHaveText("Городской округ Заречный");
  await units.getByRole("button", { name: "МБОУ СОШ № 1", exact: true }).click();
  await expect(page.getByTestId("crumb-organisation")).toHaveText("МБОУ СОШ № 1");
  await units.getByRole("button", { name: "3Б", exact: true }).click();
  await expect(page.getByTestId("crumb-class")).toHaveText("3Б");

  const list = page.getByTestId("dashboard-class-list-table");
  await expect(list).toContainText(name);
  await list.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/ministry/learners/${id}$`));
  await expect(page.getByTestId("learner-name")).toHaveText(name);

  // Back on the dashboard, the breadcrumb climbs back to the region.
  await page.goBack();
  await expect(page.getByTestId("ministry-dashboard")).toBeVisible();
  await expect(page.getByTestId("crumb-region")).toHaveText("Регион");
});

test("the drill-down lives in the URL: reload keeps it, Back climbs it", async ({ browser, page }) => {
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  await createLearnerViaApi(registrar, newLearner()); // МБОУ СОШ № 1, 3Б
  await registrar.close();
  await signInAndLand(page, "edu.officer", "ministry");
  const units = page.getByTestId("dashboard-units-table");
  await units.getByRole("button", { name: "Городской округ Заречный", exact: true }).click();
  await expect(page).toHaveURL(/municipalityId=[0-9a-f-]{36}/);
  await units.getByRole("button", { name: "МБОУ СОШ № 1", exact: true }).click();
  await expect(page).toHaveURL(/organisationId=[0-9a-f-]{36}/);
  await expect(page.getByTestId("crumb-organisation")).toHaveText("МБОУ СОШ № 1");

  await page.reload();
  await expect(page.getByTestId("crumb-municipality")).toHaveText("Городской округ Заречный");
  await expect(page.getByTestId("crumb-organisation")).toHaveText("МБОУ СОШ № 1");
  // Sorting the units keeps the totals row last.
  await units.getByTestId("sort-total").click();
  await expect(page.getByTestId("dashboard-units-table-totals")).toContainText("Всего");

  await page.goBack();
  await expect(page.getByTestId("crumb-municipality")).toHaveText("Городской округ Заречный");
  await expect(page.getByTestId("crumb-organisation")).toHaveCount(0);
  // The municipality's page is live again (its organisations listed) before the next step back.
  await expect(units.getByRole("button", { name: "МБОУ СОШ № 1", exact: true })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("crumb-region")).toHaveText("Регион");
  await expect(page.getByTestId("crumb-municipality")).toHaveCount(0);
});
