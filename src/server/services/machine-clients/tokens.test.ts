import { describe, expect, it } from "vitest";
import { bearerToken, hashToken, issueToken, parseToken, tokenMatches } from "./tokens";

describe("API tokens", () => {
  it("issues distinct well-formed tokens whose hash matches only themselves", () => {
    const a = issueToken();
    const b = issueToken();
    expect(a.token).toMatch(/^kt_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(parseToken(a.token)).toEqual({ lookupId: a.lookupId });
    expect(a.tokenHash).toBe(hashToken(a.token));
    expect(tokenMatches(a.token, a.tokenHash)).toBe(true);
    expect(tokenMatches(b.token, a.tokenHash)).toBe(false);
  });

  it("reads only a Bearer header and refuses malformed tokens", () => {
    expect(bearerToken("Bearer kt_x")).toBe("kt_x");
    expect(bearerToken("bearer  kt_x ")).toBe("kt_x");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(null)).toBeNull();
    expect(parseToken("kt_short_secret")).toBeNull();
    expect(parseToken(`${issueToken().token}x`)).toBeNull();
  });
});
