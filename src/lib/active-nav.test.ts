import { describe, expect, it } from "vitest";
import { activeHref } from "./active-nav";

const admin = ["/admin", "/admin/users", "/admin/access", "/admin/access/account", "/admin/audit"];

describe("activeHref", () => {
  it("picks the most specific matching item", () => {
    expect(activeHref("/admin/access/account", admin)).toBe("/admin/access/account");
    expect(activeHref("/admin/access", admin)).toBe("/admin/access");
    expect(activeHref("/admin", admin)).toBe("/admin");
  });
  it("marks the section of a nested page", () => {
    expect(activeHref("/school/learners/0b7e/edit", ["/school", "/school/learners"])).toBe("/school/learners");
  });
  it("does not match a mere prefix of a segment", () => {
    expect(activeHref("/admin/auditors", admin)).toBe("/admin");
    expect(activeHref("/account", admin)).toBeUndefined();
  });
});
