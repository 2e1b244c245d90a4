// The auditor opens "who accessed this learner" for a learner a school user
// has just opened, finds that read, downloads the report, and sees what the
// school account read. The verification page shows the chain's state.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("the auditor sees that a school user just opened a learner's card", async ({ browser, page }) => {
  // Two sign-ins, three pages and a download on a shared 2-core machine.
  test.setTimeout(120_000);
  const learner = newLearner();
  const school = await browser.newPage();
  await signInAndLand(school, "school.admin", "school");
  const id = await createLearnerViaApi(school, learner);
  await school.goto(`/school/learners/${id}`);
  await expect(school.getByTestId("learner-name")).toHaveText(`${learner.lastName} ${learner.firstName} ${learner.middleName}`);
  await school.close();

  await signInAndLand(page, "auditor", "admin");
  await page.getByRole("navigation").getByRole("link", { name: "Кто обращался к обучающемуся" }).click();
  // Name alone is not enough: the lookup wants the birth date too.
  await page.locator("input[name=lastName]").fill(learner.lastName);
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page.locator("#birthDate-error")).toHaveText("Укажите дату рождения");
  await page.locator("input[name=birthDate]").fill("2016-04-12");
  await page.getByRole("button", { name: "Найти" }).click();
  const found = page.getByTestId("lookup-table");
  await expect(found).toContainText(`${learner.lastName} ${learner.firstName}`);
  // The lookup's surname and birth date stay out of the address (history state keeps them for Back).
  for (const secret of ["lastName=", "birthDate=", "2016-04-12", encodeURIComponent(learner.lastName)]) expect(page.url()).not.toContain(secret);
  await found.getByRole("button", { name: "Показать обращения" }).click();
  await expect(page).toHaveURL(/\/admin\/access\?learner=[0-9a-f-]{36}$/);

  await expect(page.getByTestId("learner-access-title")).toContainText(learner.lastName);
  const table = page.getByTestId("learner-access-table");
  const cardRead = table.locator("tr", { hasText: "learner.card.read" }).first();
  await expect(cardRead).toContainText("school.admin");
  await expect(cardRead).toContainText("Руководитель ОО");
  await expect(cardRead).toContainText("Персональные данные");
  await expect(cardRead).toContainText("Просмотр карточки обучающегося");
  await page.screenshot({ path: test.info().outputPath("learner-access.png"), fullPage: true });
  // Back returns to the lookup's answer, restored from history state, not from the URL.
  await page.goBack();
  await expect(page.getByTestId("lookup-table")).toContainText(`${learner.lastName} ${learner.firstName}`);
  await page.goForward();
  await expect(page.getByTestId("learner-access-title")).toContainText(learner.lastName);

  const download = page.waitForEvent("download");
  await page.getByTestId("export-xlsx").click();
  expect((await download).suggestedFilename()).toMatch(/^learner-access_.*\.xlsx$/);

  await page.getByRole("navigation").getByRole("link", { name: "Что читала учётная запись" }).click();
  await page.locator("input[name=login]").fill("school.admin");
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByTestId("account-reads-table")).toContainText(learner.lastName);
  await page.getByRole("button", { name: "По обучающимся" }).click();
  await expect(page.getByTestId("account-learners-table").locator("tr", { hasText: learner.lastName })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("account-reads.png"), fullPage: true });

  // The audit log names the learner and links to «who accessed this learner».
  await page.getByRole("navigation").getByRole("link", { name: "Журнал аудита" }).click();
  await page.locator("select[name=action]").selectOption("learner.card.read");
  const named = page.getByTestId("audit-table").getByRole("link", { name: new RegExp(`^${learner.lastName} ${learner.firstName}`) }).first();
  await named.click();
  await expect(page).toHaveURL(/\/admin\/access\?learner=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("learner-access-title")).toContainText(learner.lastName);

  await page.getByRole("navigation").getByRole("link", { name: "Проверки целостности журнала" }).click();
  await page.getByRole("button", { name: "Полная проверка сейчас" }).click();
  await expect(page.getByTestId("verification-latest")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("verification-runs")).toContainText("вручную");
  await page.screenshot({ path: test.info().outputPath("verification.png"), fullPage: true });
});

test("the system administrator sees the verification status but cannot open the access reports", async ({ page }) => {
  await signInAndLand(page, "sys.admin", "admin");
  await page.goto("/admin/verification");
  await expect(page.getByTestId("verification-latest")).toBeVisible();
  await expect(page.getByRole("button", { name: "Полная проверка сейчас" })).toHaveCount(0);
  await page.goto("/admin/access");
  await expect(page.getByText("Доступ запрещён (403)")).toBeVisible();
});
