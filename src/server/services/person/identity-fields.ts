// The one mapping between plain identity fields (SNILS, identity-document
// number) and their columns at rest: an AES-256-GCM envelope per value, a keyed
// blind index for finding a SNILS, and the check-digit flag the data-quality
// check reads. Every write encrypts here, every read decrypts here, every
// lookup by SNILS goes through snilsWhere.
import { isValidSnils, normalizeSnils } from "@/lib/validators/snils";
import { blindIndex, decryptOptional, encryptOptional } from "../../crypto/field-crypto";

export type IdentityModel = "Learner" | "Representative";

/** The blind index of a SNILS (any accepted spelling; 11 digits are indexed). */
export function snilsIndexOf(snils: string): string {
  return blindIndex("snils", normalizeSnils(snils) ?? snils);
}

/** `where` for an exact SNILS: one equality on the unique index column. */
export function snilsWhere(snils: string): { snilsIndex: string } {
  return { snilsIndex: snilsIndexOf(snils) };
}

/** Columns of a SNILS (all NULL for none). */
export function snilsColumns(model: IdentityModel, snils: string | null) {
  const digits = snils ? (normalizeSnils(snils) ?? snils) : null;
  const columns = {
    snilsEnc: encryptOptional(digits, `${model}.snils`),
    snilsIndex: digits ? blindIndex("snils", digits) : null,
  };
  return model === "Learner" ? { ...columns, snilsChecksumOk: digits ? isValidSnils(digits) : null } : columns;
}

type StoredIdentity = { snilsEnc?: string | null; snilsIndex?: string | null; snilsChecksumOk?: boolean | null; docNumberEnc?: string | null };

/**
 * Plain fields → columns. Only the fields present are mapped (a partial update
 * stays partial); every other key passes through unchanged.
 */
export function encryptIdentity<T extends Record<string, unknown>>(model: IdentityModel, data: T): Omit<T, "snils" | "docNumber"> & StoredIdentity {
  const { snils, docNumber, ...rest } = data;
  const out: Record<string, unknown> = { ...rest };
  if ("snils" in data) Object.assign(out, snilsColumns(model, (snils as string | null | undefined) || null));
  if ("docNumber" in data) out.docNumberEnc = encryptOptional((docNumber as string | null | undefined) || null, `${model}.docNumber`);
  return out as Omit<T, "snils" | "docNumber"> & StoredIdentity;
}

type Decrypted<T> = Omit<T, keyof StoredIdentity> &
  (T extends { snilsEnc?: string | null } ? { snils: string | null } : unknown) &
  (T extends { docNumberEnc?: string | null } ? { docNumber: string | null } : unknown);

/** Columns → plain fields, for the columns the row was selected with. */
export function decryptIdentity<T extends StoredIdentity>(model: IdentityModel, row: T): Decrypted<T> {
  const { snilsEnc, snilsIndex: _index, snilsChecksumOk: _checksum, docNumberEnc, ...rest } = row;
  const out: Record<string, unknown> = { ...rest };
  if ("snilsEnc" in row) out.snils = decryptOptional(snilsEnc, `${model}.snils`);
  if ("docNumberEnc" in row) out.docNumber = decryptOptional(docNumberEnc, `${model}.docNumber`);
  return out as Decrypted<T>;
}

/** A SNILS as audit details may carry it: the last three digits only, "***-***-*95 12". */
export function maskSnils(snils: string): string {
  const d = normalizeSnils(snils);
  return d ? `***-***-*${d.slice(7, 9)} ${d.slice(9)}` : "***";
}

/** A typed name as audit details may carry it: initials only, "Иванов Пётр" → "И*** П***". */
export function maskName(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${Array.from(word)[0]}***`)
    .join(" ");
}
