// The school medic sees only the identity subset of a learner's card.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("the school medic sees identity fields and the health tab, nothing else", async ({ browser }) => {
  const learner = newLearner();
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  const id = await createLearnerViaApi(registrar, learner);
  await registrar.close();

  const page = await browser.newPage();
  await signInAndLand(page, "school.medic", "school");
  await page.goto(`/school/learners/${id}`);
  await expect(page.getByTestId("learner-name")).toHaveText(`${learner.lastName} ${learner.firstName} ${learner.middleName}`);
  await expect(page.getByTestId("identity-details")).toContainText(learner.snils);
  await expect(page.getByTestId("identity-details")).toContainText("Женский");
  await expect(page.getByTestId("card-tab-PERSONAL")).toBeVisible();
  await expect(page.getByTestId("card-tab-HEALTH")).toBeVisible();
  await expect(page.getByTestId("card-tab-PORTFOLIO")).toHaveCount(0);
  await expect(page.getByTestId("representatives-section")).toHaveCount(0);
  await expect(page.getByTestId("consents-section")).toHaveCount(0);
  await expect(page.getByTestId("personal-details")).toHaveCount(0);
  await expect(page.getByTestId("learner-edit")).toHaveCount(0);
  await expect(page.getByText("Ольга")).toHaveCount(0);

  await page.getByTestId("card-tab-HEALTH").click();
  await expect(page.getByTestId("card-panel-HEALTH")).toContainText("Сведения о здоровье не внесены");

  // No add button in the list for a medic, and the form itself is refused.
  await page.goto("/school/learners");
  await expect(page.getByTestId("learners-table")).toBeVisible();
  await expect(page.getByRole("link", { name: "Добавить обучающегося" })).toHaveCount(0);
  await page.goto("/school/learners/new");
  await expect(page.getByText("Доступ запрещён (403)")).toBeVisible();
  await page.close();
});
