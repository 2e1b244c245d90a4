// The address parser: free Russian address text (as schools type it and as
// imports bring it) into parts the resolver can look up in the ГАР directory.
// Pure and forgiving: whatever it cannot place goes to `rest`, never an error.
// The rules, with examples, are in docs/addresses.md.
import { DOTTED_TYPES, KEYWORDS, REWRITES, type Keyword, type KeywordKind } from "./keywords";
import { normaliseName, normaliseNumber } from "./normalise";

export { normaliseName, normaliseNumber } from "./normalise";

export interface ParsedAddress {
  postcode?: string;
  /** ГАР's short type: «г», «с», «п», «пгт», «д»… */
  settlementType?: string;
  settlement?: string;
  /** ГАР's short type: «ул», «пр-кт», «пер», «б-р»… */
  streetType?: string;
  street?: string;
  /** Lower case as ГАР keeps it: «5», «5а», «5/2»; «5-7» with houseRange. */
  house?: string;
  building?: string;
  structure?: string;
  flat?: string;
  /** The house is a range («д. 5-7»): several houses, never matched to one. */
  houseRange?: boolean;
  /** Words the parser could not place, in order. */
  rest: string[];
}

interface Token {
  /** The word as written, without a trailing dot. */
  raw: string;
  /** lower case, ё → е: what keywords are looked up by. */
  key: string;
  segment: number;
}

function tokenise(text: string): Token[] {
  let s = text.replace(/[«»"“”„]/g, " ").replace(/№/g, " ");
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  s = s
    // «5к2», «5 корп.2», «5стр1»: a house glued to its корпус/строение.
    .replace(/(\d)(корп|к|стр|с)\.?\s*(?=\d)/giu, "$1 $2 ")
    // «кв12», «д5», «корп2»: a keyword glued to its number.
    .replace(/(?<!\p{L})(кв|д|дом|корп|к|стр)\.?(?=\d)/giu, "$1 ")
    // «г.Заречный», «ул.Ленина»: a dot without the space after it.
    .replace(/\.(?=[\p{L}\d])/gu, ". ");
  const tokens: Token[] = [];
  s.split(/[,;]/).forEach((part, segment) => {
    for (const word of part.split(/\s+/)) {
      const raw = word.replace(/^[.()\-–—:]+|[.()\-–—:]+$/g, "");
      if (raw) tokens.push({ raw, key: raw.toLowerCase().replace(/ё/g, "е"), segment });
    }
  });
  return tokens;
}

const isNumber = (t: Token | undefined) => t !== undefined && /^\d/.test(t.key);
const keywordsOf = (t: Token | undefined): Keyword[] => (t ? (KEYWORDS.get(t.key) ?? []) : []);
const isKeyword = (t: Token | undefined) => keywordsOf(t).length > 0;
const isName = (t: Token | undefined) => t !== undefined && !isNumber(t) && !isKeyword(t);
const keywordOf = (t: Token, kind: KeywordKind) => keywordsOf(t).find((k) => k.kind === kind);

export function parseAddress(text: string): ParsedAddress {
  const tokens = tokenise(text);
  const result: ParsedAddress = { rest: [] };
  /** Words without a type yet, grouped; `afterStreet` says whether a street had been read before them. */
  const untyped: { words: string[]; afterSettlement: boolean; afterStreet: boolean }[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length) untyped.push({ words: pending.map((t) => t.raw), afterSettlement: result.settlement !== undefined, afterStreet: result.street !== undefined });
    pending = [];
  };
  /** The token at j; callers index only inside the list. */
  const tok = (j: number): Token => tokens[j]!;
  const sameSegment = (i: number, j: number) => j < tokens.length && tok(j).segment === tok(i).segment;
  const next = (i: number) => (sameSegment(i, i + 1) ? tok(i + 1) : undefined);
  /** The token at j if it is in i's segment. */
  const at = (j: number, i: number) => (sameSegment(i, j) ? tok(j) : undefined);

  /** A house number at i, with a separate one-letter suffix («5 а») joined; returns the index after it. */
  const readHouse = (i: number): number => {
    let raw = tok(i).key;
    let end = i + 1;
    const after = next(i);
    if (after && /^\p{L}$/u.test(after.key) && !isKeyword(after)) {
      raw += after.key;
      end++;
    }
    if (result.house !== undefined) {
      result.rest.push(raw);
      return end;
    }
    const house = normaliseNumber(raw);
    if (/^\d+\p{L}?\s*[-–]\s*\d+\p{L}?$/u.test(house)) result.houseRange = true;
    result.house = house;
    return end;
  };

  /** Name words from i on: the first always, then up to a keyword, a segment's end, or a number after a word («ул. 8 Марта 5»). */
  const readName = (i: number): { name: string; end: number } => {
    const words = [tok(i).raw];
    let j = i + 1;
    let sawWord = !isNumber(tok(i));
    while (sameSegment(i, j) && !isKeyword(tok(j)) && !(isNumber(tok(j)) && sawWord)) {
      words.push(tok(j).raw);
      if (!isNumber(tok(j))) sawWord = true;
      j++;
    }
    return { name: words.join(" "), end: j };
  };

  /** Whether a type word at i is written after its name: «Ленина ул.», «Демонстрационная обл.». */
  const typeAfterName = (i: number, kind: KeywordKind): boolean => {
    if (pending.length === 0) return false;
    const after = next(i);
    if (!after || isKeyword(after) || isNumber(after)) return true;
    if (kind === "region" || kind === "district") return true;
    // «Заречный г Ленина ул»: the words after belong to the next type word.
    let j = i + 1;
    while (sameSegment(i, j) && isName(tok(j))) j++;
    return sameSegment(i, j) && keywordsOf(tok(j)).some((k) => k.kind === "settlement" || k.kind === "street");
  };

  const place = (kind: KeywordKind, type: string | undefined, name: string) => {
    if (kind === "settlement" && result.settlement === undefined) {
      result.settlementType = type;
      result.settlement = name;
    } else if (kind === "street" && result.street === undefined) {
      result.streetType = type;
      result.street = name;
    } else if (kind === "settlement" || kind === "street") {
      result.rest.push(name);
    } // region and district: skipped, the directory knows them from the settlement
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tok(i);
    if (i > 0 && tok(i - 1).segment !== t.segment) flush();
    const after = next(i);

    if (isNumber(t)) {
      if (/^\d{6}$/.test(t.key) && result.postcode === undefined && result.house === undefined && result.street === undefined) {
        result.postcode = t.key;
        i++;
      } else if (result.house === undefined && pending.length === 0 && isName(after) && after!.key.length > 1) {
        pending.push(t); // «8 Марта», «1-я Линия»: a number that begins a name
        i++;
      } else {
        flush();
        i = readHouse(i);
      }
      continue;
    }

    const house = keywordOf(t, "house");
    if (house && isNumber(after)) {
      flush();
      i = readHouse(i + 1);
      continue;
    }
    const simple = (["building", "structure", "flat"] as const).find((k) => keywordOf(t, k));
    if (simple && isNumber(after) && (simple !== "structure" || t.key !== "с" || result.house !== undefined)) {
      flush();
      const field = simple === "building" ? "building" : simple === "structure" ? "structure" : "flat";
      if (result[field] === undefined) result[field] = normaliseNumber(after!.raw);
      else result.rest.push(after!.raw);
      i += 2;
      continue;
    }
    const typed = keywordsOf(t).find((k) => k.kind === "settlement" || k.kind === "street" || k.kind === "region" || k.kind === "district");
    if (typed) {
      const afterTyped = after && keywordsOf(after).find((k) => k.kind === typed.kind);
      if (afterTyped && pending.length === 0 && !isName(at(i + 2, i)) && /^\p{L}{5,}$/u.test(t.key)) {
        // «Набережная ул.»: a full type word used as the name, its type after it.
        place(typed.kind, afterTyped.type, t.raw);
        i += 2;
      } else if (afterTyped && !isName(at(i + 2, i)) && /^\p{L}{5,}$/u.test(after!.key)) {
        // «ул. Набережная», «ул. Площадь»: the name is a type word spelled in full.
        flush();
        place(typed.kind, typed.type, after!.raw);
        i += 2;
      } else if (typeAfterName(i, typed.kind)) {
        const name = pending.map((p) => p.raw).join(" ");
        pending = [];
        place(typed.kind, typed.type, name);
        i++;
      } else if (after && !isKeyword(after)) {
        flush();
        const { name, end } = readName(i + 1);
        place(typed.kind, typed.type, name);
        i = end;
      } else {
        result.rest.push(t.raw);
        i++;
      }
      continue;
    }
    if (isKeyword(t)) {
      result.rest.push(t.raw); // «кв.» without a number, «д.» at the end
      i++;
      continue;
    }
    pending.push(t);
    i++;
  }
  flush();
  placeUntyped(result, untyped);
  return result;
}

/** Names written without a type: «Заречный, Школьная, 1», «Ленина 5». */
function placeUntyped(result: ParsedAddress, groups: { words: string[]; afterSettlement: boolean; afterStreet: boolean }[]) {
  const names = groups.map((g) => g.words.join(" "));
  if (result.settlement === undefined && result.street === undefined) {
    if (names.length >= 2) {
      result.settlement = names.shift();
      result.street = names.shift();
    } else if (names.length === 1 && result.house !== undefined) {
      result.street = names.shift();
    }
  } else if (result.street === undefined && names.length > 0 && groups[0]!.afterSettlement) {
    result.street = names.shift();
  } else if (result.settlement === undefined && names.length > 0 && !groups[0]!.afterStreet) {
    result.settlement = names.shift();
  }
  result.rest.push(...names);
}

export interface AddressParts {
  postcode?: string | null;
  settlementType?: string | null;
  settlement?: string | null;
  streetType?: string | null;
  street?: string | null;
  house?: string | null;
  building?: string | null;
  structure?: string | null;
  flat?: string | null;
}

function typedName(type: string | null | undefined, name: string): string {
  if (!type || normaliseName(name).startsWith(`${type} `) || normaliseName(name).startsWith(`${type}. `)) return name;
  return `${type}${DOTTED_TYPES.has(type) ? "." : ""} ${name}`;
}

/** The display text: «123456, г. Заречный, ул. Школьная, д. 1, корп. 2, стр. 1, кв. 5» (parts that are missing are left out). */
export function formatAddress(parts: AddressParts): string {
  const out: string[] = [];
  if (parts.postcode) out.push(parts.postcode);
  if (parts.settlement) out.push(typedName(parts.settlementType, parts.settlement));
  if (parts.street) out.push(typedName(parts.streetType, parts.street));
  if (parts.house) out.push(`д. ${parts.house}`);
  if (parts.building) out.push(`корп. ${parts.building}`);
  if (parts.structure) out.push(`стр. ${parts.structure}`);
  if (parts.flat) out.push(`кв. ${parts.flat}`);
  return out.join(", ");
}
