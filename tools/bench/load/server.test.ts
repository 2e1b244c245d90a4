import { describe, expect, it } from "vitest";
import { loopbackOrigin } from "./server";

describe("load-test target", () => {
  it("accepts loopback addresses only", () => {
    expect(loopbackOrigin("http://127.0.0.1:3290/whatever")).toBe("http://127.0.0.1:3290");
    expect(loopbackOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    expect(loopbackOrigin("http://[::1]:3000")).toBe("http://[::1]:3000");
    expect(() => loopbackOrigin("https://kontingent.example.ru")).toThrow(/only loopback/);
    expect(() => loopbackOrigin("http://10.0.0.5:3000")).toThrow(/only loopback/);
    expect(() => loopbackOrigin("http://127.0.0.1.evil.example")).toThrow(/only loopback/);
  });
});
