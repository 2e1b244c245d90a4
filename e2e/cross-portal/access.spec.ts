// Another portal's URL shows the 403 page, and its tRPC calls answer FORBIDDEN
// even when made directly with the session cookie.
import { expect, test } from "@playwright/test";
import { API_HEADERS, DEMO_LANDINGS, signInAndLand } from "../helpers";

const PORTAL_PROBES: Record<string, string> = {
  school: "school.organisation",
  ministry: "ministry.organisationsByMunicipality",
  health: "health.organisationsByMunicipality",
  admin: "admin.users.list",
};

for (const { login, portal } of DEMO_LANDINGS) {
  test(`${login} is refused every other portal`, async ({ page }) => {
    await signInAndLand(page, login, portal);
    for (const other of Object.keys(PORTAL_PROBES).filter((p) => p !== portal)) {
      const response = await page.goto(`/${other}`);
      expect(response?.status(), `/${other}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Доступ запрещён (403)" })).toBeVisible();

      const input = { 0: { json: other === "admin" ? {} : null } };
      const api = await page.request.post(`/api/trpc/${PORTAL_PROBES[other]}?batch=1`, { headers: API_HEADERS, data: input });
      expect(api.status(), PORTAL_PROBES[other]).toBe(403);
      const body = await api.json();
      expect(body[0].error.json.data.code).toBe("FORBIDDEN");
    }
  });
}

test("an anonymous API call is UNAUTHORIZED", async ({ request }) => {
  const api = await request.post(`/api/trpc/session.me`, { headers: API_HEADERS, data: {} });
  expect(api.status()).toBe(401);
});
