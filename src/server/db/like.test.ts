import { describe, expect, it } from "vitest";
import { likeLiteral } from "./like";

describe("likeLiteral", () => {
  it("escapes the LIKE metacharacters and the escape character, nothing else", () => {
    expect(likeLiteral("М_тематика 100%")).toBe("М\\_тематика 100\\%");
    expect(likeLiteral("a\\")).toBe("a\\\\");
    expect(likeLiteral("Иванов Пётр")).toBe("Иванов Пётр");
  });
});
