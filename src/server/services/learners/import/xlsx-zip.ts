// Opening an uploaded XLSX (a ZIP archive) without trusting it. A few hundred
// kilobytes of deflate can declare or produce hundreds of megabytes, so the
// central directory's declared sizes are checked before anything is inflated,
// and every part is inflated as a stream that stops at its limit: a part whose
// header understates its size is cut off there, never buffered whole.
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { ImportFileError } from "./file-error";

const MiB = 1024 * 1024;
/**
 * Sized from a real file: our own export of 100,000 learners (the row limit)
 * inflates to 97 MB, of which the sheet is 89 MB and the shared strings 7.7 MB.
 * The limits leave room for Excel's more verbose markup, and no more.
 */
export const XLSX_LIMITS = {
  /** All parts together, as the central directory declares them. */
  totalBytes: 256 * MiB,
  /** The sheet that is read (it is streamed, never held whole). */
  sheetBytes: 160 * MiB,
  /** The shared strings table, which is held in memory while the sheet is read. */
  sharedStringsBytes: 32 * MiB,
  /** workbook.xml, its relationships, styles.xml. */
  partBytes: 8 * MiB,
  /** A workbook has a dozen parts; thousands mean a crafted archive. */
  entries: 2000,
};

const mb = (bytes: number) => `${Math.ceil(bytes / MiB).toLocaleString("ru-RU")} МБ`;
const SPLIT = "Разделите файл на части или сохраните его как CSV";

export const corruptXlsx = () => new ImportFileError(400, "Не удалось открыть книгу XLSX: файл повреждён. Откройте его в Excel и сохраните заново");
const unpackedTooBig = (what: string) => new ImportFileError(413, `Файл слишком большой после распаковки: ${what}. ${SPLIT}`);

export interface XlsxArchive {
  has(name: string): boolean;
  /** The part's inflated bytes, chunk by chunk; refuses it past `limit` or past its declared size. */
  read(name: string, limit: number, what: string): AsyncGenerator<Buffer>;
}

function promised<T>(start: (callback: (err: Error | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      // Two parts of one name would let the checked one differ from the read one.
      if (entries.has(entry.fileName)) return reject(corruptXlsx());
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", () => reject(corruptXlsx()));
    zip.readEntry();
  });
}

/** Reads the central directory only: no part is inflated here. */
export async function openXlsx(bytes: Uint8Array): Promise<XlsxArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    // validateEntrySizes: yauzl errors as soon as a part inflates past its declared size.
    zip = await promised<yauzl.ZipFile>((cb) => yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, cb));
  } catch {
    throw corruptXlsx();
  }
  if (zip.entryCount > XLSX_LIMITS.entries) {
    throw new ImportFileError(413, `В архиве XLSX больше ${XLSX_LIMITS.entries.toLocaleString("ru-RU")} частей: это не книга Excel. Сохраните таблицу в Excel заново`);
  }
  const entries = await listEntries(zip);
  const declared = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > XLSX_LIMITS.totalBytes) {
    throw unpackedTooBig(`книга занимает ${mb(declared)}, допускается не больше ${mb(XLSX_LIMITS.totalBytes)}`);
  }

  async function* read(name: string, limit: number, what: string): AsyncGenerator<Buffer> {
    const entry = entries.get(name);
    if (!entry) throw corruptXlsx();
    if (entry.uncompressedSize > limit) throw unpackedTooBig(`${what} занимает ${mb(entry.uncompressedSize)}, допускается не больше ${mb(limit)}`);
    let stream: Readable;
    try {
      stream = await promised<Readable>((cb) => zip.openReadStream(entry, cb));
    } catch {
      throw corruptXlsx();
    }
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        // yauzl checks the declared size too; this also holds if that check ever changes.
        if (inflated > entry.uncompressedSize || inflated > limit) throw lyingHeader(what);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw /too many bytes/i.test(String(error)) ? lyingHeader(what) : corruptXlsx();
    } finally {
      stream.destroy(); // stops the inflater when the reader stops early (row limit, an error)
    }
  }

  return { has: (name) => entries.has(name), read };
}

function lyingHeader(what: string) {
  return unpackedTooBig(`${what} распаковывается в больший объём, чем указано в заголовке архива (файл повреждён или изготовлен намеренно)`);
}
