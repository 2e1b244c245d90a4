// Year-end rollover at МБОУ СОШ № 4: a 4th-grader is promoted into 5 «А» by
// default, a 9th-grader graduates by default but is switched to continue into
// 10 «А»; one order moves both, and the school's list shows the new classes.
// Rollover touches the whole school, so the assertions name only our learners.
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, searchUntil, signInAndLand } from "../helpers";
import { newLearner, type NewLearner } from "../learner-data";

interface Placement {
  level: "PRIMARY" | "BASIC";
  grade: number;
  classLetter: string;
  birthDate: string;
}

/** Like learner-data's createLearnerViaApi, with the class chosen by the test. */
async function createInClass(page: Page, learner: NewLearner, p: Placement) {
  const input = {
    learner: { ...learner, birthDate: p.birthDate, sex: "FEMALE", citizenship: "643" },
    enrolment: { level: p.level, grade: p.grade, classLetter: p.classLetter, enrolledAt: "2023-09-01" },
    representatives: [
      { relation: "MOTHER", lastName: learner.lastName, firstName: "Ольга", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true },
    ],
  };
  const res = await page.request.post("/api/trpc/learners.create", { headers: API_HEADERS, data: { json: input } });
  expect(res.status(), await res.text()).toBe(200);
}

async function classInList(page: Page, learner: NewLearner) {
  await page.goto("/school/learners");
  const row = page.getByTestId("learners-table").getByRole("row").filter({ hasText: learner.lastName });
  await searchUntil(page, learner.lastName, row);
  return row;
}

test("school 4 promotes a 4th-grader and keeps a 9th-grader for 10th", async ({ page }) => {
  await signInAndLand(page, "school2.admin", "school");
  const fourth = newLearner();
  const ninth = newLearner();
  await createInClass(page, fourth, { level: "PRIMARY", grade: 4, classLetter: "А", birthDate: "2016-04-12" });
  await createInClass(page, ninth, { level: "BASIC", grade: 9, classLetter: "А", birthDate: "2011-03-05" });

  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Перевод на новый учебный год" }).click();
  await expect(page).toHaveURL(/\/school\/rollover$/);

  const rowOf = (l: NewLearner) => page.getByTestId("rollover-row").filter({ hasText: l.lastName });
  const first = rowOf(fourth);
  await expect(first.getByTestId("rollover-from")).toHaveText("4А");
  await expect(first.getByTestId("rollover-action")).toHaveValue("PROMOTION");
  await expect(first.getByTestId("rollover-target")).toContainText("5А");
  await expect(page.getByTestId("rollover-class-4А")).toContainText(fourth.lastName);

  const second = rowOf(ninth);
  await expect(second.getByTestId("rollover-from")).toHaveText("9А");
  await expect(second.getByTestId("rollover-action")).toHaveValue("GRADUATION");
  await expect(second.getByTestId("rollover-action").locator("option:checked")).toHaveText("Выпуск");
  await expect(second.getByTestId("rollover-target")).toHaveText("выпускается");
  await second.getByTestId("rollover-action").selectOption({ label: "Перевести в следующий класс" });
  await expect(second.getByTestId("rollover-target")).toContainText("10А");
  await expect(page.getByTestId("rollover-totals")).toContainText("Изменено решений: 1");

  // No order number: the message sits under the field, nothing is asked or sent.
  const form = page.getByTestId("rollover-form");
  await form.getByRole("button", { name: "Провести перевод" }).click();
  await expect(form.locator('[id="order.orderNumber-error"]')).toHaveText("Укажите номер приказа");

  await form.getByLabel("Номер приказа").fill("120-о");
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await form.getByRole("button", { name: "Провести перевод" }).click();
  const result = page.getByTestId("rollover-result");
  await expect(result).toContainText("Перевод проведён");
  expect(question).toContain("Провести перевод на новый учебный год?");

  // The result reports exactly the totals the confirmation showed.
  const asked = (label: string) => Number(new RegExp(`${label}: (\\d+)`).exec(question)?.[1]);
  const promoted = asked("Переводятся");
  expect(promoted).toBeGreaterThanOrEqual(2);
  await expect(result).toContainText(`Переведены в следующий класс: ${promoted}`);
  await expect(result).toContainText(`оставлены на повторное обучение: ${asked("Остаются на повторное обучение")}`);
  await expect(result).toContainText(`выпущены: ${asked("Выпускаются")}`);

  await expect(await classInList(page, fourth)).toContainText("5А");
  await expect(await classInList(page, ninth)).toContainText("10А");
});
