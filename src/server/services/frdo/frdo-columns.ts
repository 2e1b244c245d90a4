// The columns of the ФИС ФРДО upload file for documents on basic and
// secondary general education (аттестаты), in the template's order, and how a
// certificate fills them. Column names and value lists follow the register's
// templates (docs/features.md, "ФИС ФРДО export" says what was verified and
// what was not); the block on a duplicate's original follows the columns that
// describe the document and the holder; the organisation's details are
// appended after the template's columns, because one file of a municipality
// holds many schools' certificates.
import { formatSnils } from "@/lib/validators";
import type { CertificateLevel, CertificateState, Sex } from "../../generated/prisma/client";

/** One certificate with everything the file needs, decrypted. */
export interface FrdoCertificate {
  id: string;
  learnerId: string;
  level: CertificateLevel;
  series: string | null;
  number: string;
  registrationNumber: string | null;
  issuedAt: Date;
  withHonours: boolean;
  duplicate: boolean;
  state: CertificateState;
  /** The original a duplicate replaces; null on an original. */
  originalSeries: string | null;
  originalNumber: string | null;
  originalRegistrationNumber: string | null;
  originalIssuedAt: Date | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: Date;
  sex: Sex;
  snils: string | null;
  /** ОКСМ code, or "STATELESS". */
  citizenship: string;
  organisation: { id: string; fullName: string; shortName: string; ogrn: string; inn: string; kpp: string; region: string };
}

export const DOCUMENT_NAMES: Record<CertificateLevel, string> = {
  BASIC_GENERAL: "Аттестат об основном общем образовании",
  SECONDARY_GENERAL: "Аттестат о среднем общем образовании",
};

/** What the template writes in «Серия документа» when a blank has none. */
export const NO_SERIES = "Нет";

const yesNo = (value: boolean) => (value ? "Да" : "Нет");
const SEX: Record<Sex, string> = { MALE: "Муж", FEMALE: "Жен" };

type Value = string | number | Date | null;

export interface FrdoColumn {
  header: string;
  value: (c: FrdoCertificate) => Value;
  /** A date cell (ДД.ММ.ГГГГ) or a text cell (kept as typed: leading zeros, SNILS). */
  kind: "text" | "date" | "number";
  width: number;
}

/** Only a duplicate's row names its original; an original's block stays empty. */
const ofDuplicate = <T>(c: FrdoCertificate, value: T) => (c.duplicate ? value : null);

/** In the template's order; the last five are the organisation's details. */
export const FRDO_COLUMNS: readonly FrdoColumn[] = [
  { header: "Название документа", kind: "text", width: 40, value: (c) => DOCUMENT_NAMES[c.level] },
  // Since 2014 a certificate with honours is a document kind of its own (its own blank).
  { header: "Вид документа", kind: "text", width: 48, value: (c) => `${DOCUMENT_NAMES[c.level]}${c.withHonours ? " с отличием" : ""}` },
  { header: "Статус документа", kind: "text", width: 12, value: (c) => (c.duplicate ? "Дубликат" : "Оригинал") },
  { header: "Подтверждение утраты", kind: "text", width: 12, value: (c) => yesNo(c.state === "LOST") },
  { header: "Подтверждение обмена", kind: "text", width: 12, value: (c) => yesNo(c.state === "EXCHANGED") },
  { header: "Подтверждение уничтожения", kind: "text", width: 12, value: (c) => yesNo(c.state === "DESTROYED") },
  { header: "Серия документа", kind: "text", width: 10, value: (c) => c.series ?? NO_SERIES },
  { header: "Номер документа", kind: "text", width: 18, value: (c) => c.number },
  { header: "Дата выдачи", kind: "date", width: 12, value: (c) => c.issuedAt },
  { header: "Регистрационный номер", kind: "text", width: 14, value: (c) => c.registrationNumber },
  { header: "Фамилия получателя", kind: "text", width: 18, value: (c) => c.lastName },
  { header: "Имя получателя", kind: "text", width: 16, value: (c) => c.firstName },
  { header: "Отчество получателя", kind: "text", width: 18, value: (c) => c.middleName },
  { header: "Дата рождения получателя", kind: "date", width: 12, value: (c) => c.birthDate },
  { header: "Пол получателя", kind: "text", width: 8, value: (c) => SEX[c.sex] },
  { header: "СНИЛС", kind: "text", width: 15, value: (c) => (c.snils ? formatSnils(c.snils) : null) },
  // ОКСМ has no code for a stateless person: the cell stays empty (see the check).
  { header: "Гражданство получателя (код страны по ОКСМ)", kind: "text", width: 12, value: (c) => (/^\d{3}$/.test(c.citizenship) ? c.citizenship : null) },
  { header: "Год окончания", kind: "number", width: 8, value: (c) => c.issuedAt.getUTCFullYear() },
  { header: "С отличием", kind: "text", width: 8, value: (c) => yesNo(c.withHonours) },
  // The original of a duplicate: its series as the main document's («Нет» on a blank without one).
  { header: "Серия документа оригинала", kind: "text", width: 10, value: (c) => ofDuplicate(c, c.originalSeries ?? NO_SERIES) },
  { header: "Номер документа оригинала", kind: "text", width: 18, value: (c) => ofDuplicate(c, c.originalNumber) },
  { header: "Регистрационный N документа оригинала", kind: "text", width: 14, value: (c) => ofDuplicate(c, c.originalRegistrationNumber) },
  { header: "Дата выдачи документа оригинала", kind: "date", width: 12, value: (c) => ofDuplicate(c, c.originalIssuedAt) },
  { header: "Наименование организации", kind: "text", width: 48, value: (c) => c.organisation.fullName },
  { header: "ОГРН", kind: "text", width: 15, value: (c) => c.organisation.ogrn },
  { header: "ИНН", kind: "text", width: 12, value: (c) => c.organisation.inn },
  { header: "КПП", kind: "text", width: 11, value: (c) => c.organisation.kpp },
  { header: "Субъект Российской Федерации", kind: "text", width: 24, value: (c) => c.organisation.region },
];

export const FRDO_HEADERS = FRDO_COLUMNS.map((c) => c.header);
