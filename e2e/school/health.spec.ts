// Health (stage 2) across portals: the school medic records a learner's health,
// the health ministry finds the learner and reads it, the registrar never sees it.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("the medic records health group II, the health officer reads it, the registrar has no health tab", async ({ browser }) => {
  const learner = newLearner();
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  const id = await createLearnerViaApi(registrar, learner);

  const medic = await browser.newPage();
  await signInAndLand(medic, "school.medic", "school");
  await medic.goto(`/school/learners/${id}`);
  await medic.getByTestId("card-tab-HEALTH").click();
  await expect(medic.getByTestId("health-current")).toContainText("Сведения о здоровье не внесены");
  await medic.getByRole("button", { name: "Внести сведения о здоровье" }).click();
  const form = medic.getByTestId("health-form");
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toContainText("Выберите группу здоровья");
  await form.getByLabel("Группа здоровья").selectOption({ label: "II" });
  await form.getByLabel("Медицинская группа для занятий физкультурой").selectOption({ label: "Основная" });
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toHaveCount(0);
  const details = medic.getByTestId("health-current-details");
  await expect(details).toContainText("II");
  await expect(details).toContainText("Основная");
  await expect(details).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await expect(medic.getByTestId("health-history-row")).toHaveCount(1);
  // A correction is a new row; the mistaken one stays in the history, marked.
  await medic.getByRole("button", { name: "Исправить" }).click();
  await medic.getByTestId("health-form").getByLabel("Группа здоровья").selectOption({ label: "III" });
  await medic.getByTestId("health-form").getByRole("button", { name: "Сохранить" }).click();
  await expect(details).toContainText("III");
  await expect(medic.getByTestId("health-history-row")).toHaveCount(2);
  await expect(medic.getByTestId("health-history")).toContainText("Исправлена");
  await medic.getByRole("button", { name: "Исправить" }).click();
  await medic.getByTestId("health-form").getByLabel("Группа здоровья").selectOption({ label: "II" });
  await medic.getByTestId("health-form").getByRole("button", { name: "Сохранить" }).click();
  await expect(medic.getByTestId("health-history-row")).toHaveCount(3);
  await medic.close();

  const health = await browser.newPage();
  await signInAndLand(health, "health.officer", "health");
  await health.getByRole("navigation").getByRole("link", { name: "Поиск обучающихся" }).click();
  await health.getByRole("searchbox").fill(learner.snils);
  await health.getByRole("button", { name: "Найти" }).click();
  await health.getByTestId("registry-results").getByTestId("learner-link").click();
  await expect(health).toHaveURL(new RegExp(`/health/learners/${id}$`));
  await health.getByTestId("card-tab-HEALTH").click();
  const read = health.getByTestId("health-current-details");
  await expect(read).toContainText("Группа здоровья");
  await expect(read).toContainText("II");
  await expect(read).toContainText("Основная");
  // Read-only: no form, no correction.
  await expect(health.getByRole("button", { name: "Внести сведения о здоровье" })).toHaveCount(0);
  await expect(health.getByRole("button", { name: "Исправить" })).toHaveCount(0);
  await health.close();

  await registrar.goto(`/school/learners/${id}`);
  await expect(registrar.getByTestId("learner-name")).toBeVisible();
  await expect(registrar.getByTestId("card-tab-PERSONAL")).toBeVisible();
  await expect(registrar.getByTestId("card-tab-HEALTH")).toHaveCount(0);
  await expect(registrar.getByRole("tab", { name: "Здоровье" })).toHaveCount(0);
  await registrar.close();
});
