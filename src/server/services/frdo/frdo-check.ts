// The mandatory-field check run before a certificate goes into the ФИС ФРДО
// file. A certificate that fails it is listed with what is missing (in
// Russian, as the school will fix it in the portfolio or the learner's card)
// and left out of the file: the register refuses a whole upload over one bad
// row, so a file we hand out should load as it is.
import { isValidInn, isValidKpp, isValidOgrn, isValidSnils } from "@/lib/validators";
import { RUSSIA, STATELESS } from "@/lib/countries";
import type { FrdoCertificate } from "./frdo-columns";

/** Blanks since 1 January 2014 have no series and a 14-digit number. */
const BLANK_NUMBER = /^\d{14}$/;
const DIGITS = /^\d+$/;

const blank = (value: string | null | undefined) => !value || value.trim() === "";

/** What keeps a certificate out of the file; empty when it may go in. */
export function frdoProblems(c: FrdoCertificate): string[] {
  const problems: string[] = [];
  const add = (problem: string) => problems.push(problem);

  if (blank(c.lastName)) add("не указана фамилия");
  if (blank(c.firstName)) add("не указано имя");
  if (c.birthDate >= c.issuedAt) add("дата рождения не раньше даты выдачи");

  // The register takes a holder without SNILS only when there is none to give:
  // a foreign citizen or a stateless person. A citizen of Russia has one.
  if (c.snils === null) {
    if (c.citizenship === RUSSIA) add("не указан СНИЛС");
  } else if (!isValidSnils(c.snils)) add("СНИЛС с неверным контрольным числом");
  if (c.citizenship === STATELESS) add("лицо без гражданства: в ОКСМ нет кода, сведения внесите в ФИС ФРДО вручную");
  else if (!/^\d{3}$/.test(c.citizenship)) add("не указано гражданство (код ОКСМ)");

  if (blank(c.number)) add("не указан номер аттестата");
  else if (!DIGITS.test(c.number)) add("номер аттестата: только цифры");
  else if (c.series === null && !BLANK_NUMBER.test(c.number)) add("номер аттестата без серии должен состоять из 14 цифр");
  if (blank(c.registrationNumber)) add("не указан регистрационный номер");

  // A duplicate names the original it replaces; the original's series may be
  // missing («Нет»), as the main document's on a blank since 2014.
  if (c.duplicate) {
    if (blank(c.originalNumber)) add("дубликат: не указан номер оригинала");
    if (blank(c.originalRegistrationNumber)) add("дубликат: не указан регистрационный номер оригинала");
    if (c.originalIssuedAt === null) add("дубликат: не указана дата выдачи оригинала");
  }

  const org = c.organisation;
  if (blank(org.fullName)) add("не указано полное наименование организации");
  if (!isValidOgrn(org.ogrn)) add("неверный ОГРН организации");
  if (!isValidInn(org.inn)) add("неверный ИНН организации");
  if (!isValidKpp(org.kpp)) add("неверный КПП организации");
  return problems;
}
