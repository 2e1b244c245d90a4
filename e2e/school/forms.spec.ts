// Form behaviour shared by every data-entry form, shown on the learner form:
// a field is checked when it is left, a failed submit focuses the error
// summary whose links lead to the fields, and leaving unsaved changes asks.
// English server errors: e2e/admin/form-errors-en.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

const err = (page: Page, name: string) => page.locator(`[id="${name}-error"]`);
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

test.beforeEach(async ({ page }) => {
  await signInAndLand(page, "school.registrar", "school");
});

test("a wrong SNILS and a future birth date are reported as soon as the field is left", async ({ page }) => {
  await page.goto("/school/learners/new");
  await field(page, "learner.snils").fill("112-233-445 96");
  await field(page, "learner.snils").press("Tab");
  await expect(err(page, "learner.snils")).toHaveText("Неверная контрольная сумма СНИЛС");
  await expect(field(page, "learner.snils")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "learner.snils")).toHaveAttribute("aria-describedby", "learner.snils-error");

  await field(page, "learner.birthDate").fill(`${new Date().getFullYear() + 1}-01-15`);
  await field(page, "learner.birthDate").blur();
  await expect(err(page, "learner.birthDate")).toHaveText("Дата рождения не может быть в будущем");

  // Corrected and left again: its message goes, the other stays; untouched empty
  // fields say nothing yet, and the summary waits for a submit.
  await field(page, "learner.snils").fill(newLearner().snils);
  await field(page, "learner.snils").blur();
  await expect(err(page, "learner.snils")).toHaveCount(0);
  await expect(err(page, "learner.birthDate")).toBeVisible();
  await expect(err(page, "learner.lastName")).toHaveCount(0);
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
});

test("a failed submit focuses the error summary, and each link moves focus to its field", async ({ page }) => {
  await page.goto("/school/learners/new");
  await field(page, "learner.lastName").fill("Тестова");
  await page.getByRole("button", { name: "Сохранить" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "Исправьте ошибки" })).toBeVisible();
  const link = summary.getByRole("link", { name: /Имя: Укажите имя/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(field(page, "learner.firstName")).toBeFocused();
  await expect(page).toHaveURL(/\/school\/learners\/new$/);
});

test("leaving a form with unsaved changes asks first; a clean form lets go", async ({ page }) => {
  await page.goto("/school/learners/new");
  const toList = page.getByRole("link", { name: "Отмена" });
  await toList.click();
  await expect(page).toHaveURL(/\/school\/learners$/);

  await page.goto("/school/learners/new");
  await field(page, "learner.lastName").fill("Тестова");
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await toList.click();
  await expect.poll(() => asked).toEqual(["Изменения не сохранены. Уйти со страницы и потерять их?"]);
  await expect(page).toHaveURL(/\/school\/learners\/new$/);
  await expect(field(page, "learner.lastName")).toHaveValue("Тестова");

  page.once("dialog", (dialog) => void dialog.accept());
  await toList.click();
  await expect(page).toHaveURL(/\/school\/learners$/);
});

test("the card's representative editor checks a SNILS when the field is left, too", async ({ page }) => {
  const id = await createLearnerViaApi(page, newLearner());
  await page.goto(`/school/learners/${id}`);
  const section = page.getByTestId("representatives-section");
  await section.getByRole("button", { name: "Добавить представителя" }).click();
  const editor = page.getByTestId("representative-editor");
  await editor.locator('[name="representative.snils"]').fill("112-233-445 96");
  await editor.locator('[name="representative.snils"]').press("Tab");
  await expect(editor.locator('[id="representative.snils-error"]')).toHaveText("Неверная контрольная сумма СНИЛС");
  await expect(editor.getByTestId("error-summary")).toHaveCount(0);
});
