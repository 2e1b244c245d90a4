// A form submitted before the page's script runs (a quick Enter, a slow
// connection, scripts blocked) is sent by the browser itself. Every form says
// method="post" (src/components/forms/form-method.test.ts), so what it holds
// (a password, a code, a SNILS) travels in a body the page ignores, never in
// the URL, its history or the server's log; and the sign-in forms keep their
// button disabled until the script has attached its handler.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, storageStatePath } from "../helpers";

test.use({ javaScriptEnabled: false });

test("the sign-in form cannot be sent before its script runs", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (r) => void (r.method() === "POST" && posts.push(r.url())));
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Войти" })).toBeDisabled();
  await page.getByLabel("Логин").fill("school.registrar");
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  // Enter submits implicitly only through a submit button that is not disabled.
  await page.getByLabel("Пароль").press("Enter");
  await page.waitForTimeout(500);
  expect(posts).toEqual([]);
  expect(new URL(page.url()).search).toBe("");
});

test.describe("signed in", () => {
  test.use({ storageState: storageStatePath("school.registrar") });

  test("a form sent by the browser itself posts its fields, and the page answers with itself", async ({ page }) => {
    await page.goto("/school/learners/enrol");
    const form = page.getByTestId("enrol-form");
    await form.getByLabel("СНИЛС").fill("112-233-445 95");
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await form.getByLabel("СНИЛС").press("Enter");
    const response = await answer;
    expect(new URL(response.url()).pathname).toBe("/school/learners/enrol");
    expect(response.status()).toBe(200);
    expect(response.request().postData() ?? "").toContain("112-233-445");
    await expect(page.getByTestId("enrol-form")).toBeVisible();
    expect(new URL(page.url()).search).toBe("");
  });
});
