// How the territories page names a directory object: «г. Заречный, ул. Школьная,
// д. 12 к. 1». Pure, so the server builds labels for tables and tests check
// them without a database. ГАР short type names come without a dot («г», «ул»);
// the common abbreviations get one, longer names («пгт», «пр-кт») stay as they are.
const DOTTED = new Set(["г", "ул", "с", "д", "п", "пос", "пер", "пл", "наб", "ш", "мкр", "тер", "х", "ст", "б-р"]);
/** ГАР ADDTYPE: 1 корпус, 2 строение, 3 сооружение, 4 литера. */
const ADD_TYPES: Record<number, string> = { 1: "к.", 2: "стр.", 3: "соор.", 4: "лит." };

export interface NamedObject {
  typeName: string;
  name: string;
}

export function objectName(o: NamedObject): string {
  const type = o.typeName.trim();
  if (!type) return o.name;
  return DOTTED.has(type) ? `${type}. ${o.name}` : `${type} ${o.name}`;
}

export interface HouseParts {
  houseNum: string;
  addNum1?: string | null;
  addType1?: number | null;
  addNum2?: string | null;
  addType2?: number | null;
}

export function houseNumber(h: HouseParts): string {
  const parts = [`д. ${h.houseNum}`];
  for (const [num, type] of [
    [h.addNum1, h.addType1],
    [h.addNum2, h.addType2],
  ] as const) {
    if (num) parts.push(`${(type && ADD_TYPES[type]) || "к."} ${num}`);
  }
  return parts.join(" ");
}

/** Settlement, street and house, leaving out what is absent (a house numbered on a settlement has no street). */
export function addressLabel(settlement: NamedObject | null, street: NamedObject | null, house: HouseParts | null): string {
  return [settlement && objectName(settlement), street && objectName(street), house && houseNumber(house)].filter(Boolean).join(", ");
}
