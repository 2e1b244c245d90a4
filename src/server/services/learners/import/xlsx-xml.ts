// Feeding an XLSX part to the SAX parser with bounded memory. A SAX parser
// still gathers one whole text node or one whole tag before it reports it, so
// a single cell of 300 MB would be held whole. The guard here sees the text
// first: a tag longer than MAX_TAG_CHARS refuses the file, and a text run
// longer than MAX_TEXT_RUN is cut there and reported as cut, so the reader
// can name the cell that is too long without ever holding it.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ImportFileError, MAX_CELL_CHARS } from "./file-error";
import { corruptXlsx } from "./xlsx-zip";

/** Real tags are a few hundred characters (a row's attributes, a number format). */
const MAX_TAG_CHARS = 64 * 1024;
/**
 * Raw characters kept of one text run. Entities (&amp; …) make the raw text
 * longer than the value, so the cut is well above the cell limit: a cut run
 * is too long whatever it decodes to, and a run below the cut is measured exactly.
 */
export const MAX_TEXT_RUN = 4 * MAX_CELL_CHARS;
/** An entity left open at a chunk's end is held back until its ";", up to this many characters. */
const MAX_ENTITY_CHARS = 64;

export interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  /** `cut`: the run was longer than MAX_TEXT_RUN and only its start is given. */
  text?(text: string, cut: boolean): void;
  /** Called as soon as a run is cut (its text event comes only at the next tag, after the dropped rest). */
  cut?(): void;
}

export const tooSlow = () => new ImportFileError(413, "Файл обрабатывается слишком долго: разделите его на части поменьше и загрузите по очереди");

/** Bounds every tag and text run of a stream of XML text; `feed` passes on only what may go to the parser. */
class RunGuard {
  private inTag = false;
  /** Length of the current tag or text run so far. */
  private run = 0;
  /** Inside a text run that was cut: its rest is dropped. */
  private dropping = false;
  private carry = "";
  cutPending = false;
  constructor(private readonly onCut: () => void) {}

  feed(input: string, write: (piece: string) => void): void {
    let s = this.carry + input;
    this.carry = "";
    // Hold back an entity split by the chunk's end, so a cut never leaves half of one.
    const amp = s.lastIndexOf("&");
    if (amp >= 0 && s.length - amp <= MAX_ENTITY_CHARS && !/[;<>]/.test(s.slice(amp))) {
      this.carry = s.slice(amp);
      s = s.slice(0, amp);
    }
    if (!this.dropping && this.run + s.length <= MAX_TEXT_RUN) {
      // No run can pass a limit inside this chunk: only the state at its end matters.
      this.skipTo(s);
      write(s);
      return;
    }
    let start = 0; // what is before `start` has been written or dropped
    let i = 0;
    while (i < s.length) {
      if (this.inTag) {
        const end = s.indexOf(">", i);
        const stop = end < 0 ? s.length : end + 1;
        this.run += stop - i;
        if (this.run > MAX_TAG_CHARS) {
          throw new ImportFileError(413, "Книга XLSX содержит запись разметки длиннее 64 КБ: такой файл Excel не создаёт. Откройте его в Excel и сохраните заново");
        }
        if (end < 0) break;
        [this.inTag, this.run, i] = [false, 0, stop];
        continue;
      }
      const lt = s.indexOf("<", i);
      const stop = lt < 0 ? s.length : lt;
      if (this.dropping) start = stop;
      else if (this.run + (stop - i) > MAX_TEXT_RUN) {
        write(s.slice(start, i) + safeCut(s.slice(i, stop), MAX_TEXT_RUN - this.run));
        [this.dropping, this.cutPending, start] = [true, true, stop];
        this.onCut();
      } else this.run += stop - i;
      if (lt < 0) break;
      [this.inTag, this.run, this.dropping, i] = [true, 0, false, lt];
    }
    write(s.slice(start));
  }

  /** The state after a chunk in which no run reaches a limit. */
  private skipTo(s: string): void {
    const lt = s.lastIndexOf("<");
    if (lt >= 0) this.inTag = true;
    // The last tag (or the one carried in) ends at the first ">" after it; text follows, ">" included.
    const gt = s.indexOf(">", Math.max(lt, 0));
    if (!this.inTag && lt < 0) this.run += s.length;
    else if (gt < 0) this.run = lt >= 0 ? s.length - lt : this.run + s.length;
    else [this.inTag, this.run] = [false, s.length - gt - 1];
  }

  flush(write: (piece: string) => void): void {
    write(this.carry);
    this.carry = "";
  }
}

/** The first `length` characters, shortened so no entity or surrogate pair is split. */
function safeCut(text: string, length: number): string {
  let piece = text.slice(0, Math.max(0, length));
  const amp = piece.lastIndexOf("&");
  if (amp >= 0 && !piece.includes(";", amp)) piece = piece.slice(0, amp);
  const last = piece.charCodeAt(piece.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? piece.slice(0, -1) : piece;
}

/** Parses one part; handlers may throw an ImportFileError to stop reading (the part stops inflating). */
export async function parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, deadline: number): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const guard = new RunGuard(() => handlers.cut?.());
  parser.on("error", () => {
    throw corruptXlsx();
  });
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) parser.on("closetag", (tag) => handlers.close!(tag.name));
  if (handlers.text) {
    const onText = handlers.text;
    parser.on("text", (text) => {
      // The run's text comes out at the next "<", after the guard has marked it cut.
      onText(text, guard.cutPending);
      guard.cutPending = false;
    });
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const write = (piece: string) => void (piece && parser.write(piece));
  try {
    for await (const chunk of chunks) {
      if (Date.now() > deadline) throw tooSlow();
      guard.feed(decoder.decode(chunk, { stream: true }), write);
    }
    guard.feed(decoder.decode(), write);
    guard.flush(write);
    parser.close();
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw corruptXlsx(); // invalid UTF-8 and the like
  }
}
