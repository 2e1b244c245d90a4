// The Portfolio tab: the registrar records an achievement and an ОГЭ result
// (a wrong mark is refused in Russian, then fixed); the medic has no such tab.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("the registrar fills the portfolio; the medic does not see it", async ({ browser }) => {
  const learner = newLearner();
  const page = await browser.newPage();
  await signInAndLand(page, "school.registrar", "school");
  const id = await createLearnerViaApi(page, learner);
  await page.goto(`/school/learners/${id}`);
  await page.getByTestId("card-tab-PORTFOLIO").click();
  const panel = page.getByTestId("card-panel-PORTFOLIO");
  await expect(panel.getByTestId("achievements-table")).toHaveText("Достижения не внесены");

  await panel.getByTestId("achievement-add").click();
  const achievement = panel.getByTestId("achievement-form");
  await achievement.getByLabel("Вид", { exact: true }).fill("Олимпиада");
  await achievement.getByLabel("Название", { exact: true }).fill("Региональный этап олимпиады по математике");
  await achievement.getByLabel("Организатор", { exact: true }).fill("Министерство образования области");
  await achievement.locator("[name=level]").selectOption({ label: "Региональный" });
  await achievement.locator("[name=result]").selectOption({ label: "Призёр" });
  await achievement.getByLabel("Дата", { exact: true }).fill("2025-03-14");
  await achievement.getByRole("button", { name: "Сохранить" }).click();
  await expect(achievement).toHaveCount(0);
  const achievementRow = panel.getByTestId("achievements-table-row");
  await expect(achievementRow).toHaveCount(1);
  await expect(achievementRow).toContainText("14.03.2025");
  await expect(achievementRow).toContainText("Региональный");
  await expect(achievementRow).toContainText("Призёр");

  await panel.getByTestId("exam-add").click();
  const exam = panel.getByTestId("exam-form");
  await expect(exam.locator("[name=kind]")).toHaveValue("OGE");
  await exam.getByRole("combobox", { name: "Предмет", exact: true }).selectOption({ label: "Математика" });
  await exam.getByLabel("Год", { exact: true }).fill("2025");
  await exam.getByLabel("Первичный балл", { exact: true }).fill("20");
  await exam.locator("[name=mark]").fill("6");
  await exam.getByRole("button", { name: "Сохранить" }).click();
  await expect(exam.getByText("Отметка от 2 до 5", { exact: true })).toBeVisible();
  await expect(exam.locator("[name=mark]")).toHaveAttribute("aria-invalid", "true");
  await exam.locator("[name=mark]").fill("4");
  await exam.getByRole("button", { name: "Сохранить" }).click();
  await expect(exam).toHaveCount(0);
  const examRow = panel.getByTestId("exams-table-row");
  await expect(examRow).toHaveCount(1);
  await expect(examRow).toContainText("ОГЭ");
  await expect(examRow).toContainText("Математика");
  await expect(examRow).toContainText("Первичный балл: 20");
  await page.close();

  const medic = await browser.newPage();
  await signInAndLand(medic, "school.medic", "school");
  await medic.goto(`/school/learners/${id}`);
  await expect(medic.getByTestId("learner-name")).toContainText(learner.lastName);
  await expect(medic.getByTestId("card-tab-HEALTH")).toBeVisible();
  await expect(medic.getByTestId("card-tab-PORTFOLIO")).toHaveCount(0);
  await expect(medic.getByText("Призёр")).toHaveCount(0);
  await medic.close();
});
