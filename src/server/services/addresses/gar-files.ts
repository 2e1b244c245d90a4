// Reading a ГАР region folder: which files it must hold, and each file's rows
// streamed with saxes (a real region's AS_HOUSES and AS_MUN_HIERARCHY are
// gigabytes: never the whole file in memory). Rows come to the caller in
// batches; the caller awaits each batch (a database insert) before the next
// chunk of the file is read.
import fs from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { DomainError } from "../../errors";

/** The four files the loader reads, by the prefix of their name (AS_<KIND>_<date>_<guid>.XML). */
export const GAR_FILES = {
  objects: { pattern: /^AS_ADDR_OBJ_\d{8}_[\w-]+\.XML$/i, element: "OBJECT" },
  houses: { pattern: /^AS_HOUSES_\d{8}_[\w-]+\.XML$/i, element: "HOUSE" },
  hierarchy: { pattern: /^AS_MUN_HIERARCHY_\d{8}_[\w-]+\.XML$/i, element: "ITEM" },
  params: { pattern: /^AS_HOUSES_PARAMS_\d{8}_[\w-]+\.XML$/i, element: "PARAM" },
} as const;

export type GarFileKind = keyof typeof GAR_FILES;

const noFiles = () =>
  new DomainError("BAD_REQUEST", "В папке нет файлов ГАР: нужны AS_ADDR_OBJ, AS_HOUSES, AS_MUN_HIERARCHY и AS_HOUSES_PARAMS одного региона", "folder");

/** The folder's four files (the newest of each kind when several), or a refusal naming what is needed. */
export function findGarFiles(folder: string): Record<GarFileKind, string> {
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort();
  } catch {
    throw noFiles();
  }
  const found = {} as Record<GarFileKind, string>;
  for (const kind of Object.keys(GAR_FILES) as GarFileKind[]) {
    const name = names.filter((n) => GAR_FILES[kind].pattern.test(n)).at(-1);
    if (!name) throw noFiles();
    found[kind] = path.join(folder, name);
  }
  return found;
}

export type GarRow = Record<string, string>;

/**
 * Streams the rows (elements named `element`) of one file, `batch` at a time,
 * to `onBatch`. A file that is not well-formed XML is refused (the caller's
 * transaction rolls back what was staged).
 */
export async function streamGarRows(
  file: string,
  element: string,
  batch: number,
  onBatch: (rows: GarRow[]) => Promise<void>,
  /** Bytes read at a time (1 MB; tests pass a few bytes to split elements across reads). */
  chunkBytes = 1 << 20,
): Promise<number> {
  const parser = new SaxesParser();
  const rows: GarRow[] = [];
  let count = 0;
  let failure: Error | null = null;
  parser.on("opentag", (tag) => {
    if (tag.name !== element) return;
    rows.push(tag.attributes as GarRow);
    count++;
  });
  parser.on("error", (error) => {
    failure ??= error;
  });
  const broken = (reason: string) =>
    new DomainError("BAD_REQUEST", "Файл ГАР повреждён: это не XML или он обрезан. Скачайте выгрузку заново", "folder", { file: path.basename(file), reason });
  try {
    for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: chunkBytes })) {
      parser.write(chunk as string);
      if (failure) throw broken((failure as Error).message);
      // One read may hold many rows: hand them over `batch` at a time.
      while (rows.length >= batch) await onBatch(rows.splice(0, batch));
    }
    parser.close();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw broken(error instanceof Error ? error.message : String(error));
  }
  if (failure) throw broken((failure as Error).message);
  if (rows.length) await onBatch(rows);
  return count;
}
