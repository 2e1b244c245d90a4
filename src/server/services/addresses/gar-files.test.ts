// Reading ГАР files: the four files found by their real names, rows streamed
// in batches that the caller awaits (several batches per file here, as in a
// real extract), broken XML refused with the file's name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import { findGarFiles, streamGarRows } from "./gar-files";

const DEMO = path.join(import.meta.dirname, "../../../../prisma/seed/gar/99");
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "gar-files-"));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe("findGarFiles", () => {
  it("finds the four files and tells AS_HOUSES from AS_HOUSES_PARAMS", () => {
    const files = findGarFiles(DEMO);
    expect(path.basename(files.houses)).toMatch(/^AS_HOUSES_\d{8}_/);
    expect(path.basename(files.params)).toMatch(/^AS_HOUSES_PARAMS_/);
    expect(path.basename(files.objects)).toMatch(/^AS_ADDR_OBJ_/);
    expect(path.basename(files.hierarchy)).toMatch(/^AS_MUN_HIERARCHY_/);
  });

  it("refuses a folder without them, naming what is needed", () => {
    expect(() => findGarFiles(temp)).toThrow(/AS_ADDR_OBJ, AS_HOUSES, AS_MUN_HIERARCHY и AS_HOUSES_PARAMS/);
    expect(() => findGarFiles(path.join(temp, "absent"))).toThrow(DomainError);
  });
});

describe("streamGarRows", () => {
  it("hands every row over in awaited batches", async () => {
    const file = findGarFiles(DEMO).houses;
    const sizes: number[] = [];
    let inFlight = false;
    const count = await streamGarRows(file, "HOUSE", 7, async (rows) => {
      expect(inFlight).toBe(false);
      inFlight = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      sizes.push(rows.length);
      inFlight = false;
    });
    expect(count).toBe(174);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(174);
    expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true);
  });

  it("reads a file in many small chunks the same", async () => {
    // Attributes split across chunk borders: saxes keeps the state between writes.
    const source = fs.readFileSync(findGarFiles(DEMO).objects, "utf8");
    const file = path.join(temp, "AS_ADDR_OBJ_20261201_x.XML");
    fs.writeFileSync(file, source);
    const names: string[] = [];
    await streamGarRows(file, "OBJECT", 1000, async (rows) => void names.push(...rows.map((r) => r.NAME!)), 61);
    expect(names).toContain("Школьная");
    expect(names).toHaveLength(36);
  });

  it("refuses broken XML with the file's name", async () => {
    const file = path.join(temp, "AS_HOUSES_20261201_broken.XML");
    fs.writeFileSync(file, '<?xml version="1.0"?><HOUSES><HOUSE OBJECTID="1" HOUSENUM="1" /><HOUSE OBJECTID=');
    const error = await streamGarRows(file, "HOUSE", 10, async () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/Файл ГАР повреждён/);
    expect((error as DomainError).details?.file).toBe("AS_HOUSES_20261201_broken.XML");
    fs.writeFileSync(file, "not xml at all");
    await expect(streamGarRows(file, "HOUSE", 10, async () => {})).rejects.toThrow(/Файл ГАР повреждён/);
  });
});
