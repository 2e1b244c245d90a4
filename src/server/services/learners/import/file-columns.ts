// The columns of a file another system sends (the ГИА results of the exam
// centre, the register offices' lists of resident children): each with the
// header spellings met in practice. One header check for all of them: columns
// not listed are ignored and named in the answer (so a misspelt one is
// noticed); a missing or repeated column refuses the whole file in one message.
import { normalizeHeader } from "./columns";
import { ImportFileError } from "./read-file";

export interface FileColumn<K extends string> {
  key: K;
  /** The template's header (first) and the accepted variants. */
  headers: readonly string[];
  required: boolean;
  /** For the «Справка» sheet of the template and the docs. */
  help: string;
  example: string;
}

export interface FileColumnMap<K extends string> {
  index: Map<K, number>;
  /** Headers of the file that are none of the columns (ignored). */
  ignored: string[];
}

/** The template's header of a column: its first spelling. */
export const fileColumnTitle = <K extends string>(columns: readonly FileColumn<K>[], key: K) => columns.find((c) => c.key === key)!.headers[0]!;

/**
 * Maps a header row to the columns; every problem in one message, since the
 * file is refused as a whole. `alsoMissing` names what the table's `required`
 * cannot say (one of two columns, say).
 */
export function mapFileHeader<K extends string>(
  columns: readonly FileColumn<K>[],
  header: readonly string[],
  alsoMissing: (index: Map<K, number>) => string[] = () => [],
): FileColumnMap<K> {
  const byHeader = new Map(columns.flatMap((c) => c.headers.map((h) => [normalizeHeader(h), c] as const)));
  const index = new Map<K, number>();
  const ignored: string[] = [];
  const problems: string[] = [];
  header.forEach((raw, i) => {
    if (!raw.trim()) return;
    const column = byHeader.get(normalizeHeader(raw));
    if (!column) ignored.push(raw.trim());
    else if (index.has(column.key)) problems.push(`столбец «${fileColumnTitle(columns, column.key)}» повторяется («${raw.trim()}»)`);
    else index.set(column.key, i);
  });
  const missing = [...columns.filter((c) => c.required && !index.has(c.key)).map((c) => `«${c.headers[0]}»`), ...alsoMissing(index)];
  if (missing.length) problems.unshift(`нет обязательных столбцов: ${missing.join(", ")}`);
  if (problems.length) {
    throw new ImportFileError(400, `Заголовки файла не подходят: ${problems.join("; ")}. Скачайте шаблон и сверьте первую строку.`);
  }
  return { index, ignored };
}
