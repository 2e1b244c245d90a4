// Valid learner data for tests: unique SNILS with correct check digits.
import type { CreateLearnerInput } from "@/lib/schemas/learner";
import { formatSnils, snilsCheckDigits } from "@/lib/validators";

let counter = 0;
/** A valid SNILS, different on every call within a run. */
export function uniqueSnils(seed = Date.now() % 1_000_000): string {
  counter += 1;
  const first9 = String(100_000_000 + ((seed * 97 + counter * 7919) % 800_000_000)).slice(0, 9);
  return formatSnils(first9 + snilsCheckDigits(first9));
}

type Overrides = { learner?: Partial<CreateLearnerInput["learner"]> } & Partial<Omit<CreateLearnerInput, "learner">>;

export function learnerInput(overrides: Overrides = {}) {
  const { learner, ...rest } = overrides;
  return {
    learner: {
      lastName: "Иванов",
      firstName: "Пётр",
      middleName: "Сергеевич",
      birthDate: "2015-03-07",
      birthPlace: "г. Заречный",
      sex: "MALE",
      snils: uniqueSnils(),
      citizenship: "643",
      docType: "BIRTH_CERTIFICATE_RF",
      docSeries: "IV-АК",
      docNumber: "123456",
      docIssuer: "Отдел ЗАГС г. Заречный",
      docIssuedAt: "2015-03-20",
      registrationAddress: "г. Заречный, ул. Школьная, д. 3, кв. 7",
      ...learner,
    },
    enrolment: { level: "PRIMARY", grade: 4, classLetter: "А", enrolledAt: "2022-09-01" },
    representatives: [
      { relation: "MOTHER", lastName: "Иванова", firstName: "Мария", middleName: "Петровна", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true },
    ],
    consent: { givenAt: "2022-08-25", scope: "Обработка персональных данных для учёта контингента" },
    ...rest,
  } as unknown as CreateLearnerInput;
}
