// The ministries look learners up across the region: education reads the
// personal view (read-only), health the identity subset.
import { expect, test, type Page } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

async function findBySnils(page: Page, portal: string, snils: string) {
  await page.getByRole("navigation").getByRole("link", { name: "Поиск обучающихся" }).click();
  await expect(page).toHaveURL(new RegExp(`/${portal}/learners$`));
  await page.getByRole("searchbox").fill("И");
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page.getByText("Введите не меньше двух символов")).toBeVisible();
  await page.getByRole("searchbox").fill(snils);
  await page.getByRole("button", { name: "Найти" }).click();
  const results = page.getByTestId("registry-results");
  await expect(results.getByTestId("learner-link")).toHaveCount(1);
  await expect(results).toContainText(snils);
  await expect(results).toContainText("МБОУ СОШ № 1");
  await expect(results).toContainText("3Б");
  // The SNILS travels in a POST body, never in the address.
  expect(page.url()).not.toContain(snils.slice(0, 3) + "-");
  await results.getByTestId("learner-link").click();
  await expect(page).toHaveURL(new RegExp(`/${portal}/learners/[0-9a-f-]{36}$`));
}

test("ministry officers find a learner by SNILS and open the card read-only", async ({ browser }) => {
  const learner = newLearner();
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  await createLearnerViaApi(registrar, learner);
  await registrar.close();
  const name = `${learner.lastName} ${learner.firstName} ${learner.middleName}`;

  const edu = await browser.newPage();
  await signInAndLand(edu, "edu.officer", "ministry");
  await findBySnils(edu, "ministry", learner.snils);
  await expect(edu.getByTestId("learner-name")).toHaveText(name);
  await expect(edu.getByTestId("personal-details")).toContainText(learner.snils);
  await expect(edu.getByTestId("representatives-section")).toContainText("Ольга");
  await expect(edu.getByTestId("card-tab-PORTFOLIO")).toBeVisible();
  await expect(edu.getByTestId("card-tab-HEALTH")).toHaveCount(0);
  await expect(edu.getByTestId("learner-edit")).toHaveCount(0);
  await expect(edu.getByRole("button", { name: "Добавить представителя" })).toHaveCount(0);
  await expect(edu.getByRole("button", { name: "Отвязать" })).toHaveCount(0);
  await expect(edu.getByRole("button", { name: "Оформить согласие" })).toHaveCount(0);
  await edu.close();

  const health = await browser.newPage();
  await signInAndLand(health, "health.officer", "health");
  await findBySnils(health, "health", learner.snils);
  await expect(health.getByTestId("learner-name")).toHaveText(name);
  await expect(health.getByTestId("identity-details")).toContainText(learner.snils);
  await expect(health.getByTestId("personal-details")).toHaveCount(0);
  await expect(health.getByTestId("representatives-section")).toHaveCount(0);
  await expect(health.getByText("Ольга")).toHaveCount(0);
  await expect(health.getByTestId("card-tab-HEALTH")).toBeVisible();
  await expect(health.getByTestId("card-tab-PORTFOLIO")).toHaveCount(0);
  await health.close();
});
