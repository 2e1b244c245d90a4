// Hostile XLSX files for the import's limit tests, built in memory (nothing
// binary is committed). A zip is written by hand so a test can make a part's
// header lie about its size; "bombs" are made of one deflate block repeated,
// so hundreds of megabytes of text cost a few hundred kilobytes and no memory.
import zlib from "node:zlib";
import { HEADERS } from "./import-fixtures";

const MiB = 1024 * 1024;

/** A part's raw deflate data with its true size and CRC. */
export interface Part {
  name: string;
  data: Buffer;
  size: number;
  crc: number;
  /** What the headers claim the inflated size is (default: the truth). */
  declaredSize?: number;
}

/** Raw deflate of pieces, each flushed on a byte boundary, so the pieces may be repeated. */
class Deflated {
  private chunks: Buffer[] = [];
  size = 0;
  crc = 0;
  add(text: string | Buffer, times = 1): this {
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    // A full flush resets the window: the block stands alone and copies of it stay valid deflate.
    const block = zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_FULL_FLUSH });
    for (let i = 0; i < times; i++) {
      this.chunks.push(block);
      this.crc = zlib.crc32(bytes, this.crc);
    }
    this.size += bytes.length * times;
    return this;
  }
  part(name: string, declaredSize?: number): Part {
    const end = zlib.deflateRawSync(Buffer.alloc(0)); // the final (empty) block
    return { name, data: Buffer.concat([...this.chunks, end]), size: this.size, crc: this.crc >>> 0, declaredSize };
  }
}

export const deflated = (text: string) => new Deflated().add(text);

/** A ZIP archive (deflate, no data descriptors) with the given parts. */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const declared = p.declaredSize ?? p.size;
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // time, date
      header.writeUInt32LE(p.crc, at + 10);
      header.writeUInt32LE(p.data.length, at + 14);
      header.writeUInt32LE(declared, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    fields(entry, 6);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    central.push(entry, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The small parts every book needs around its sheet. */
function frame(withSharedStrings: boolean): Part[] {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    withSharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "",
  ].join("");
  return [
    deflated(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`).part("xl/workbook.xml"),
    deflated(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`).part("xl/_rels/workbook.xml.rels"),
  ];
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const letters = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(39 + i)}`);
const headerRow = `<row r="1">${HEADERS.map((h, i) => inline(`${letters(i)}1`, h)).join("")}</row>`;
const sheetStart = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${headerRow}`;
const sheetEnd = "</sheetData></worksheet>";

/** Cell A2 holds `megabytes` MB of "A" as inline text; the sheet's header may claim another size. */
export function cellBomb(megabytes: number, declaredSize?: number): Buffer {
  const sheet = new Deflated().add(`${sheetStart}<row r="2"><c r="A2" t="inlineStr"><is><t>`).add(Buffer.alloc(MiB, "A"), megabytes).add(`</t></is></c></row>${sheetEnd}`);
  return zip([...frame(false), sheet.part("xl/worksheets/sheet1.xml", declaredSize)]);
}

/** A shared string of `megabytes` MB of "Я", used by cell B2. */
export function sharedStringBomb(megabytes: number): Buffer {
  const strings = new Deflated().add(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="1" uniqueCount="1"><si><t>`).add(Buffer.alloc(MiB, "Я"), megabytes).add("</t></si></sst>");
  const sheet = deflated(`${sheetStart}<row r="2"><c r="B2" t="s"><v>0</v></c></row>${sheetEnd}`);
  return zip([...frame(true), strings.part("xl/sharedStrings.xml"), sheet.part("xl/worksheets/sheet1.xml")]);
}

/** `count` short data rows after the header. */
export function manyRows(count: number): Buffer {
  const sheet = new Deflated().add(sheetStart);
  const batch = 10_000;
  for (let from = 2; from < count + 2; from += batch) {
    let xml = "";
    for (let r = from; r < Math.min(from + batch, count + 2); r++) xml += `<row r="${r}">${inline(`A${r}`, "x")}</row>`;
    sheet.add(xml);
  }
  return zip([...frame(false), sheet.add(sheetEnd).part("xl/worksheets/sheet1.xml")]);
}
