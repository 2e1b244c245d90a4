// Data quality in the school portal: a learner saved without SNILS shows up
// under «Нет СНИЛС», linking to its card where it can be fixed.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("a registrar finds a learner without SNILS in the data-quality list and opens its card", async ({ page }) => {
  await signInAndLand(page, "school.registrar", "school");
  // undefined drops the key from the JSON body: the learner is saved without SNILS.
  const learner = { ...newLearner(), snils: undefined as unknown as string };
  const id = await createLearnerViaApi(page, learner);

  await page.getByRole("navigation").getByRole("link", { name: "Качество данных" }).click();
  await expect(page).toHaveURL(/\/school\/quality$/);
  const group = page.getByTestId("quality-missingSnils");
  await expect(group.getByRole("heading", { name: /Нет СНИЛС/ })).toBeVisible();
  const link = group.getByRole("link", { name: new RegExp(learner.lastName) });
  await expect(link).toHaveAttribute("href", `/school/learners/${id}`);
  // The registrar has no health data: that check is not shown at all.
  await expect(page.getByTestId("quality-missingHealth")).toHaveCount(0);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/school/learners/${id}$`));
});
