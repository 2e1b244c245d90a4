// The app opened at another name of this machine than NEXTAUTH_URL's
// (http://localhost:<port>): 127.0.0.1 is one of its loopback names and works
// like localhost; 127.0.0.2 also reaches this machine but is not one of our
// names, so every call is refused — and the page says why, in its language.
import { expect, test } from "@playwright/test";
import { signInFreshAndLand } from "../helpers";

const PORT = process.env.E2E_PORT ?? 3100;

test.describe("opened at 127.0.0.1", () => {
  test.use({ baseURL: `http://127.0.0.1:${PORT}` });

  test("signs in and the portal's data arrives", async ({ page }) => {
    await signInFreshAndLand(page, "school.registrar", "school");
    await expect(page).toHaveURL(`http://127.0.0.1:${PORT}/school`);
    await expect(page.getByTestId("organisation-name")).toHaveText("МБОУ СОШ № 1");
    // The registry list is a tRPC call too: answered, not refused.
    const list = page.waitForResponse((r) => r.url().includes("/api/trpc/") && r.url().includes("learners.list"));
    await page.goto("/school/learners");
    expect((await list).status()).toBe(200);
    await expect(page.getByTestId("query-error")).toHaveCount(0);
  });
});

test.describe("opened at a name that is not ours", () => {
  test.use({ baseURL: `http://127.0.0.2:${PORT}` });

  test("shows the refusal's reason instead of a transport error, in Russian and in English", async ({ page }) => {
    await signInFreshAndLand(page, "school.registrar", "school");
    const error = page.getByTestId("query-error").first();
    await expect(error).toContainText("Запрос с чужого или неизвестного источника отклонён");
    await expect(error).toContainText(`http://localhost:${PORT}`);
    await expect(page.getByText("Unable to transform response")).toHaveCount(0);
    await page.context().addCookies([{ name: "kt-locale", value: "en", url: `http://127.0.0.2:${PORT}` }]);
    await page.reload();
    await expect(page.getByTestId("query-error").first()).toContainText("Request refused: it came from a foreign or unknown origin");
  });
});
