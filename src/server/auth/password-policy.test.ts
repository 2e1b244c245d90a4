import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordPolicyError } from "./password-policy";

describe("password policy", () => {
  it("refuses passwords shorter than 12 characters", () => {
    expect(passwordPolicyError("Short-pass1")).toMatch(/не короче 12/);
  });

  it("refuses common passwords from the shipped list, also padded to length", () => {
    expect(isCommonPassword("qwerty123456")).toBe(true);
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true);
    expect(passwordPolicyError("password1234567")).toMatch(/распространён/);
    expect(passwordPolicyError("Qwertyuiop!!!!")).toMatch(/распространён/);
  });

  it("accepts a long uncommon password", () => {
    expect(passwordPolicyError("Kontingent-Demo-2026")).toBeNull();
    expect(passwordPolicyError("зелёный-трамвай-в-тумане")).toBeNull();
  });
});
