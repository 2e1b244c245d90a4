// The houses of a file's addresses, found in the address directory (ГАР) by
// the shared resolver (services/addresses/resolve.ts), within the
// municipality the list is for. An address not found to the house keeps its
// text only: the child is still registered, matched by SNILS alone.
import type { DbTx } from "../../db";
import { resolveAddressTexts } from "../addresses/resolve";

export interface ResidentHouse {
  garHouseId: bigint | null;
  /** A flat the text itself named («…, кв. 12»), used when the file's «Квартира» is empty. */
  flat: string | null;
}

export async function resolveResidentAddresses(tx: DbTx, municipalityId: string, texts: string[]): Promise<Map<string, ResidentHouse>> {
  const distinct = [...new Set(texts)];
  const out = new Map<string, ResidentHouse>();
  if (!distinct.length) return out;
  const resolved = await resolveAddressTexts(tx, distinct, { municipalityId });
  for (const text of distinct) {
    const r = resolved.get(text);
    out.set(text, { garHouseId: r?.garHouseId ?? null, flat: r?.flat ?? null });
  }
  return out;
}
