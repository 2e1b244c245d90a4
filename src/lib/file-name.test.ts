import { describe, expect, it } from "vitest";
import { asciiFileName, readableFileName, transliterate } from "./file-name";

describe("file names of exports", () => {
  it("transliterates a territory the way a passport does", () => {
    expect(transliterate("Сосновский муниципальный район")).toBe("Sosnovskii munitsipalnyi raion");
    expect(transliterate("Щёлково, Юрьев")).toBe("Shchelkovo, Iurev");
  });

  it("keeps only safe ASCII in the plain fallback (no quotes, no spaces, no slashes)", () => {
    expect(asciiFileName("МБОУ «СОШ № 1», Городской округ Заречный")).toBe("MBOU-SOSh-No-1-Gorodskoi-okrug-Zarechnyi");
    expect(asciiFileName('a"b/c\\d')).toBe("a-b-c-d");
  });

  it("removes characters a file system refuses from the readable name", () => {
    expect(readableFileName("ОО-1 — МБОУ «СОШ № 1» / Заречный: 2026")).toBe("ОО-1 — МБОУ СОШ № 1 Заречный 2026");
  });
});
