// A failed sign-in never carries an error's own text (a database host and
// port, a stack line) in the redirect URL: only fixed codes.
import { describe, expect, it } from "vitest";
import { safeSignInResponse, signInErrorCode, withSafeSignInError } from "./sign-in-errors";

const RAW = "connect ECONNREFUSED 10.20.30.40:5432";

describe("sign-in failure codes", () => {
  it("keeps the codes sign-in.ts returns and maps everything else to a fixed one", () => {
    for (const code of ["invalid_input", "invalid_credentials", "locked", "too_many_attempts", "unavailable"]) expect(signInErrorCode(code)).toBe(code);
    expect(signInErrorCode("CredentialsSignin")).toBe("invalid_credentials");
    expect(signInErrorCode(RAW)).toBe("unavailable");
    expect(signInErrorCode("Configuration")).toBe("unavailable");
    expect(signInErrorCode("")).toBe("unavailable");
  });

  it("rewrites the error of absolute and relative URLs and leaves other URLs alone", () => {
    expect(withSafeSignInError(`http://localhost:3000/api/auth/error?error=${encodeURIComponent(RAW)}`)).toBe("http://localhost:3000/api/auth/error?error=unavailable");
    // next-auth's own redirect to the error page does not encode the text at all.
    expect(withSafeSignInError(`/login?error=${RAW}`)).toBe("/login?error=unavailable");
    expect(withSafeSignInError("/login?error=locked")).toBe("/login?error=locked");
    expect(withSafeSignInError("http://localhost:3000/school")).toBe("http://localhost:3000/school");
  });

  it("cleans the JSON answer the sign-in form reads and the Location of a redirect, keeping cookies and status", async () => {
    const json = new Response(JSON.stringify({ url: `http://localhost:3000/api/auth/error?error=${encodeURIComponent(RAW)}` }), {
      status: 401,
      headers: [
        ["content-type", "application/json"],
        ["set-cookie", "a=1; Path=/"],
        ["set-cookie", "b=2; Path=/"],
      ],
    });
    const cleaned = await safeSignInResponse(json);
    expect(cleaned.status).toBe(401);
    expect(cleaned.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const text = await cleaned.text();
    expect(JSON.parse(text)).toEqual({ url: "http://localhost:3000/api/auth/error?error=unavailable" });
    expect(text).not.toMatch(/5432|10\.20|ECONNREFUSED/);

    const redirect = await safeSignInResponse(new Response(null, { status: 302, headers: { location: `http://localhost:3000/login?error=${RAW}` } }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("http://localhost:3000/login?error=unavailable");

    const session = new Response(JSON.stringify({ expires: "2030-01-01" }), { headers: { "content-type": "application/json" } });
    expect(await (await safeSignInResponse(session)).json()).toEqual({ expires: "2030-01-01" });
  });
});
