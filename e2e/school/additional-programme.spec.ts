// Need-to-know in the browser: МБОУ СОШ № 4 enrols a learner of МБОУ СОШ № 1
// into an additional programme (it knows the SNILS and birth date) and sees
// only what that relationship allows: identity, the parents' contacts and its
// own enrolment — no documents, no health, not the school the child attends.
import { expect, test } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("a second school enrols a learner into an additional programme and sees only what that allows", async ({ browser }) => {
  const learner = newLearner();
  const school1 = await browser.newPage();
  await signInAndLand(school1, "school.registrar", "school");
  const id = await createLearnerViaApi(school1, learner);
  await school1.close();

  const page = await browser.newPage();
  await signInAndLand(page, "school2.admin", "school");
  // Before any relationship the learner does not exist for school 4.
  await page.goto(`/school/learners/${id}`);
  await expect(page.getByTestId("learner-not-found")).toBeVisible();

  await page.goto("/school/learners/enrol");
  const form = page.getByTestId("enrol-form");
  await form.getByLabel("СНИЛС").fill(learner.snils);
  await form.getByLabel("Дата рождения").fill("2016-04-12");
  await form.getByLabel("Уровень образования").selectOption("ADDITIONAL");
  await form.getByLabel("Номер приказа").fill("ДО-15");
  await form.getByRole("button", { name: "Зачислить" }).click();
  await expect(page).toHaveURL(new RegExp(`/school/learners/${id}$`));

  await expect(page.getByTestId("relationship-note")).toContainText("дополнительной программе");
  await expect(page.getByTestId("learner-summary")).toContainText("МБОУ СОШ № 4");
  await expect(page.getByTestId("learner-summary")).not.toContainText("СОШ № 1");
  // Tabs: personal (identity and contacts) and portfolio; no health.
  await expect(page.getByTestId("card-tab-PERSONAL")).toBeVisible();
  await expect(page.getByTestId("card-tab-PORTFOLIO")).toBeVisible();
  await expect(page.getByTestId("card-tab-HEALTH")).toHaveCount(0);
  const contacts = page.getByTestId("representative-contacts");
  await expect(contacts).toContainText("Ольга");
  await expect(contacts).toContainText("+7 900 123-45-67");
  await expect(page.getByTestId("learner-edit")).toHaveCount(0);
  // Its own order only, in the movement history.
  const rows = page.getByTestId("movement-history").getByTestId("movement-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("ДО-15");

  // The server holds the line whatever the page shows: no health, no change of personal data.
  // Queries travel as POST too (methodOverride), like the page's own calls.
  const health = await page.request.post("/api/trpc/learners.health.get", { headers: API_HEADERS, data: { json: { learnerId: id } } });
  expect(health.status()).toBe(403);
  const update = await page.request.post("/api/trpc/learners.update", {
    headers: API_HEADERS,
    data: { json: { id, learner: { lastName: "Подменов", firstName: "Анна", birthDate: "2016-04-12", sex: "FEMALE", citizenship: "643" } } },
  });
  expect(update.status()).toBe(403);
  await page.close();
});
