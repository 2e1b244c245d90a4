// In English, a server refusal lands on its field in English (the text comes
// from the error catalogue by code), and so does the browser's own check.
import { expect, test } from "@playwright/test";
import { ORIGIN, signInAndLand } from "../helpers";

test("an English reader gets the server's field error in English, with the summary focused", async ({ page }) => {
  await signInAndLand(page, "sys.admin", "admin");
  await page.context().addCookies([{ name: "kt-locale", value: "en", url: ORIGIN }]);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Create account" }).click();
  const form = page.getByTestId("user-form");

  // The browser's check of the same schema, localised.
  await form.locator("[name=login]").fill("x");
  await form.locator("button[type=submit]").click();
  await expect(form.locator('[id="login-error"]')).toHaveText("Login at least 3 characters");
  await expect(form.getByTestId("error-summary")).toBeFocused();

  // A taken login passes the browser and is refused by the server on the field.
  await form.locator("[name=login]").fill("school.admin");
  await form.locator("[name=fullName]").fill("Test Person");
  await form.locator("[name=password]").fill("Correct-Horse-Battery-Staple-42");
  await form.locator("[name=role]").selectOption("SCHOOL_REGISTRAR");
  await form.locator("[name=scopeKind]").selectOption("ORGANISATION");
  await form.locator("[name=organisationId]").selectOption({ index: 1 });
  await form.locator("button[type=submit]").click();
  await expect(form.locator('[id="login-error"]')).toHaveText("This login is already taken");
  const summary = form.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "Fix the errors" })).toBeVisible();
  await summary.getByRole("link", { name: /This login is already taken/ }).click();
  await expect(form.locator("[name=login]")).toBeFocused();
});
