// The school registrar keeps the learner registry: create with inline
// validation, the card, the list search, and the SNILS conflict.
import { expect, test, type Page } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { newLearner } from "../learner-data";
import { ensureClass } from "../school-classes";

const err = (page: Page, name: string) => page.locator(`[id="${name}-error"]`);
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function fillLearner(page: Page, l: { lastName: string; firstName: string; middleName: string; snils: string }) {
  await field(page, "learner.lastName").fill(l.lastName);
  await field(page, "learner.firstName").fill(l.firstName);
  await field(page, "learner.middleName").fill(l.middleName);
  await field(page, "learner.birthDate").fill("2016-04-12");
  await field(page, "learner.sex").selectOption("FEMALE");
  await field(page, "learner.snils").fill(l.snils);
  await field(page, "enrolment.level").selectOption("PRIMARY");
  // The class is picked from the school's classes of the year, never typed.
  await field(page, "enrolment.classLetter").selectOption("3|Б");
}

test("a registrar adds a learner with a representative and consent, after fixing invalid fields", async ({ page }) => {
  const learner = newLearner();
  await signInAndLand(page, "school.registrar", "school");
  await ensureClass(page, 3, "Б");
  await page.getByRole("navigation").getByRole("link", { name: "Обучающиеся" }).click();
  await expect(page.getByTestId("learners-table")).toBeVisible();
  await page.getByRole("link", { name: "Добавить обучающегося" }).click();
  await expect(page).toHaveURL(/\/school\/learners\/new$/);

  // Invalid first: a wrong SNILS check number and a Latin-letter certificate series.
  await fillLearner(page, { ...learner, snils: "112-233-445 96" });
  await field(page, "learner.docType").selectOption("BIRTH_CERTIFICATE_RF");
  await field(page, "learner.docSeries").fill("IV-AK");
  await field(page, "learner.docNumber").fill("123456");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(err(page, "learner.snils")).toHaveText("Неверная контрольная сумма СНИЛС");
  await expect(err(page, "learner.docSeries")).toHaveText("Серия свидетельства: после дефиса две заглавные русские буквы");
  await expect(field(page, "learner.snils")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(page).toHaveURL(/\/school\/learners\/new$/);

  // Fixed, plus the mother (primary contact) who gives consent.
  await field(page, "learner.snils").fill(learner.snils);
  await field(page, "learner.docSeries").fill("IV-АК");
  await page.getByRole("button", { name: "Добавить представителя" }).click();
  await field(page, "representatives.0.relation").selectOption("MOTHER");
  await field(page, "representatives.0.lastName").fill(learner.lastName);
  await field(page, "representatives.0.firstName").fill("Ольга");
  await field(page, "representatives.0.middleName").fill("Ивановна");
  await field(page, "representatives.0.phone").fill("+7 900 123-45-67");
  await expect(field(page, "representatives.0.isPrimaryContact")).toBeChecked();
  await field(page, "consent.givenAt").fill("2024-09-01");
  await field(page, "consent.scope").fill("Обработка персональных данных обучающегося");
  await page.getByRole("button", { name: "Сохранить" }).click();

  // The card: the learner, the mother, the consent.
  await expect(page).toHaveURL(/\/school\/learners\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("learner-name")).toHaveText(`${learner.lastName} ${learner.firstName} ${learner.middleName}`);
  await expect(page.getByTestId("learner-summary")).toContainText("12.04.2016");
  await expect(page.getByTestId("learner-summary")).toContainText("3Б");
  await expect(page.getByTestId("personal-details")).toContainText(learner.snils);
  await expect(page.getByTestId("personal-details")).toContainText("IV-АК 123456");
  await expect(page.getByTestId("representatives-section")).toContainText(`${learner.lastName} Ольга Ивановна`);
  await expect(page.getByTestId("representatives-section")).toContainText("Мать");
  await expect(page.getByTestId("consents-section")).toContainText("01.09.2024");

  // Editing the learner section: the form starts from the stored values.
  await page.getByTestId("learner-edit").click();
  await expect(field(page, "learner.snils")).toHaveValue(learner.snils);
  await field(page, "learner.birthPlace").fill("г. Энск");
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  await expect(page).toHaveURL(/\/school\/learners\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("personal-details")).toContainText("г. Энск");
  await expect(page.getByTestId("personal-details")).toContainText("IV-АК 123456");

  // The list finds the learner by a last-name prefix; the name stays out of the URL.
  await page.getByRole("link", { name: "К списку" }).click();
  await page.getByRole("searchbox").fill(learner.lastName.slice(0, -1));
  await page.getByRole("button", { name: "Найти" }).click();
  const table = page.getByTestId("learners-table");
  await expect(table.getByTestId("learner-link")).toHaveCount(1);
  await expect(table).toContainText(`${learner.lastName} ${learner.firstName}`);
  await expect(table).toContainText(learner.snils);
  expect(page.url()).not.toContain("search=");
  expect(page.url()).not.toContain(encodeURIComponent(learner.lastName.slice(0, -1)));
  // The export goes as a form POST: the search text in the body, the file saved, the URL unchanged.
  const exportRequest = page.waitForRequest((r) => r.url().endsWith("/api/school/learners/export"));
  const download = page.waitForEvent("download");
  await page.getByTestId("learners-export").click();
  const sent = await exportRequest;
  expect(sent.method()).toBe("POST");
  expect(sent.postData()).toContain(`search=${encodeURIComponent(learner.lastName.slice(0, -1))}`);
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  // Not asserted yet: restoring the search box from history state after Back
  // (the filtered list comes back, the box shows empty) — see docs/security.md, "HTTP security".
});

test("a second learner with the same SNILS is refused with the conflict message", async ({ page }) => {
  const learner = newLearner();
  await signInAndLand(page, "school.registrar", "school");
  await ensureClass(page, 3, "Б");
  for (const attempt of [1, 2]) {
    await page.goto("/school/learners/new");
    await fillLearner(page, { ...learner, firstName: attempt === 1 ? "Анна" : "Мария" });
    await page.getByRole("button", { name: "Сохранить" }).click();
    if (attempt === 1) await expect(page).toHaveURL(/\/school\/learners\/[0-9a-f-]{36}$/);
  }
  await expect(page).toHaveURL(/\/school\/learners\/new$/);
  await expect(page.getByTestId("conflict-notice")).toContainText("Обучающийся с таким СНИЛС уже есть в вашей организации");
  await expect(err(page, "learner.snils")).toContainText("уже есть");
  // The form still holds the unsaved second learner: leaving it asks first.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("conflict-existing").click();
  await expect(page.getByTestId("learner-name")).toHaveText(`${learner.lastName} Анна ${learner.middleName}`);
});
