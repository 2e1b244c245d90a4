// Which connection is the owner's and which role the server runs as, from the
// environment: unset DATABASE_OWNER_URL must change nothing for anyone.
import { describe, expect, it } from "vitest";
import { appRoleFromUrls } from "./app-role";
import { resolveOwnerTarget } from "./target";

const APP = "postgresql://kontingent_app:secret@db:5432/kontingent";
const OWNER = "postgresql://kontingent_owner@db:5432/kontingent";

describe("owner and application role", () => {
  it("without DATABASE_OWNER_URL: one role, the owner is DATABASE_URL", () => {
    expect(appRoleFromUrls(APP, undefined)).toBeNull();
    expect(resolveOwnerTarget({ DATABASE_URL: APP })).toEqual({ kind: "postgres", url: APP });
    expect(resolveOwnerTarget({ DATABASE_URL: APP, DATABASE_OWNER_URL: "  " })).toEqual({ kind: "postgres", url: APP });
    expect(resolveOwnerTarget({}).kind).toBe("pglite");
  });
  it("with it: migrations as the owner, grants to DATABASE_URL's user", () => {
    expect(resolveOwnerTarget({ DATABASE_URL: APP, DATABASE_OWNER_URL: OWNER })).toEqual({ kind: "postgres", url: OWNER });
    expect(appRoleFromUrls(APP, OWNER)).toBe("kontingent_app");
    expect(appRoleFromUrls(OWNER, OWNER)).toBeNull();
    expect(appRoleFromUrls("pglite:memory", OWNER)).toBeNull();
  });
  it("refuses an owner URL for the embedded database, which has a single user", () => {
    expect(() => resolveOwnerTarget({ DATABASE_OWNER_URL: "pglite:.data/x" })).toThrow(/single user/);
  });
});
