// The words an address is read by: type words of settlements and streets as
// people write them, mapped to ГАР's short type names (AddressObject.typeName),
// and the words that introduce a house, корпус, строение or flat. Keys are
// lower case, ё → е, without the trailing dot.

export type KeywordKind = "settlement" | "street" | "region" | "district" | "house" | "building" | "structure" | "flat";

export interface Keyword {
  kind: KeywordKind;
  /** ГАР's short type name for settlements and streets. */
  type?: string;
}

const SETTLEMENT_TYPES: Record<string, string[]> = {
  г: ["г", "гор", "город"],
  с: ["с", "село"],
  п: ["п", "пос", "поселок"],
  пгт: ["пгт"],
  рп: ["рп"],
  д: ["д", "дер", "деревня"],
  х: ["х", "хутор"],
  "ст-ца": ["ст-ца", "станица"],
  сл: ["сл", "слобода"],
  аул: ["аул"],
};

const STREET_TYPES: Record<string, string[]> = {
  ул: ["ул", "улица"],
  "пр-кт": ["пр-кт", "пр", "просп", "проспект"],
  пер: ["пер", "переулок"],
  "б-р": ["б-р", "бул", "бульвар"],
  ш: ["ш", "шоссе"],
  наб: ["наб", "набережная"],
  пл: ["пл", "площадь"],
  мкр: ["мкр", "мкрн", "микрорайон"],
  проезд: ["проезд", "пр-д"],
  туп: ["туп", "тупик"],
  аллея: ["аллея", "ал"],
  линия: ["линия"],
  тракт: ["тракт"],
  "кв-л": ["кв-л", "квартал"],
};

const OTHER: Record<Exclude<KeywordKind, "settlement" | "street">, string[]> = {
  region: ["обл", "область", "край", "респ", "республика", "ао", "аобл"],
  // «го», «мо», «мр», «сп» come from the multi-word forms merged by the parser.
  district: ["р-н", "район", "округ", "го", "мо", "мр", "сп", "гп"],
  house: ["д", "дом", "вл", "влд", "владение", "зд", "здание"],
  building: ["к", "корп", "корпус"],
  structure: ["стр", "строение"],
  flat: ["кв", "квартира", "кварт"],
};

/**
 * Every word with its meanings. «д» is both деревня and дом, «с» both село and
 * строение: the parser decides by what follows (a number means дом/строение).
 */
export const KEYWORDS: ReadonlyMap<string, Keyword[]> = (() => {
  const map = new Map<string, Keyword[]>();
  const add = (word: string, keyword: Keyword) => map.set(word, [...(map.get(word) ?? []), keyword]);
  for (const [type, words] of Object.entries(SETTLEMENT_TYPES)) for (const w of words) add(w, { kind: "settlement", type });
  for (const [type, words] of Object.entries(STREET_TYPES)) for (const w of words) add(w, { kind: "street", type });
  for (const [kind, words] of Object.entries(OTHER)) for (const w of words) add(w, { kind: kind as KeywordKind });
  add("с", { kind: "structure" });
  return map;
})();

/** Multi-word and dotted forms rewritten to one word before the text is split. */
export const REWRITES: [RegExp, string][] = [
  [/городской округ/giu, " го "],
  [/муниципальный округ/giu, " мо "],
  [/муниципальный район/giu, " мр "],
  [/сельское поселение/giu, " сп "],
  [/городское поселение/giu, " гп "],
  [/автономный округ/giu, " ао "],
  [/поселок городского типа/giu, " пгт "],
  [/(?<!\p{L})р\.\s?п\.?(?!\p{L})/giu, " рп "],
  [/(?<!\p{L})г\.\s?о\.?(?!\p{L})/giu, " го "],
  [/(?<!\p{L})м\.\s?о\.?(?!\p{L})/giu, " мо "],
  [/(?<!\p{L})м\.\s?р-н/giu, " р-н"],
];

/** How types are written in display text: abbreviations take a dot («г.», «ул.»), the rest not («пр-кт», «пгт»). */
export const DOTTED_TYPES = new Set(["г", "с", "п", "д", "х", "сл", "ул", "пер", "ш", "наб", "пл", "мкр", "туп"]);
