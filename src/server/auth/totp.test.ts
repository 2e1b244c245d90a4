import { describe, expect, it } from "vitest";
import { currentTotpCode, hashRecoveryCode, matchTotpStep, newRecoveryCodes } from "./totp";

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("matches the RFC 6238 test vector (last 6 digits of 94287082 at T = 59 s)", () => {
    expect(currentTotpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(matchTotpStep(RFC_SECRET, "287082", 59_000)).toBe(1);
  });

  it("accepts one step of clock drift either way, and no more", () => {
    const code = currentTotpCode(RFC_SECRET, 300_000); // step 10
    expect(matchTotpStep(RFC_SECRET, code, 330_000)).toBe(10);
    expect(matchTotpStep(RFC_SECRET, code, 270_000)).toBe(10);
    expect(matchTotpStep(RFC_SECRET, code, 360_000)).toBeNull();
  });

  it("refuses anything but six digits", () => {
    expect(matchTotpStep(RFC_SECRET, "28708", 59_000)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, "2870820", 59_000)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct xxxxx-xxxxx codes, hashed the same whatever the case or dash", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replace("-", ""))).toBe(hashRecoveryCode(codes[0]!));
  });
});
