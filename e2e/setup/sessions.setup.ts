// Signs in once per demo account (password, then a TOTP code computed from the
// demo secret for officer, admin and auditor accounts) and saves the login
// state, which the specs reuse instead of signing in again.
import { expect, test as setup } from "@playwright/test";
import { signInFreshAndLand, STORED_LOGINS, storageStatePath } from "../helpers";

for (const { login, portal } of STORED_LOGINS) {
  setup(`sign in as ${login}`, async ({ page }) => {
    setup.setTimeout(60_000);
    await signInFreshAndLand(page, login, portal);
    await expect(page.getByTestId("portal-title")).toBeVisible();
    await page.context().storageState({ path: storageStatePath(login) });
  });
}
