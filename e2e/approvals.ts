// The second person of the two-person rule in the browser: a region-level
// officer opens «Заявки на доступ» in its own browser context and approves a
// request, as a person would.
import { expect, type Browser } from "@playwright/test";
import { signInAndLand } from "./helpers";

/**
 * Approves the pending row `rowTestId` (`pending-client-<name>` or
 * `pending-account-<login>`) as `login` (edu.officer: clients and school or
 * education accounts; health.officer: health accounts).
 */
export async function approveInBrowser(browser: Browser, rowTestId: string, login: "edu.officer" | "health.officer" = "edu.officer") {
  const portal = login === "edu.officer" ? "ministry" : "health";
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAndLand(page, login, portal);
    await page.getByRole("navigation").getByRole("link", { name: "Заявки на доступ" }).click();
    await expect(page.getByRole("heading", { name: "Заявки на доступ", level: 1 })).toBeVisible();
    const row = page.getByTestId(rowTestId);
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Подтвердить" }).click();
    await expect(page.getByTestId("approvals-notice")).toContainText("подтверждена");
    await expect(page.getByTestId(rowTestId)).toHaveCount(0);
  } finally {
    await context.close();
  }
}
