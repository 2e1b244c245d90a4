// The ЕГЭ minimum test scores that confirm mastering the secondary general
// programme (the ones that count for the certificate), by vocabulary subject
// code. Source: Рособрнадзор, «Методика определения минимального количества
// баллов ЕГЭ…», распоряжение от 16.07.2019 № 1122-10, приложение № 1, in the
// wording of распоряжение от 17.06.2021 № 844-10 (which added Chinese); the
// same figures are on Рособрнадзор's poster of the minimum scores for 2026.
// A year whose minimums change gets a new entry here (and a line in
// docs/features.md). «Математика» is the профильный уровень: the базовый
// уровень has no test score, it is graded by mark, and its minimum is «3».
// ОГЭ and ГВЭ have no test-score minimum: below the minimum means mark «2».
export const EGE_MINIMUM_SCORES: Readonly<Record<string, number>> = {
  RUSSIAN: 24,
  MATH: 27,
  PHYSICS: 36,
  CHEMISTRY: 36,
  COMPUTER_SCIENCE: 40,
  BIOLOGY: 36,
  HISTORY: 32,
  GEOGRAPHY: 37,
  SOCIAL_STUDIES: 42,
  LITERATURE: 32,
  ENGLISH: 22,
  GERMAN: 22,
  FRENCH: 22,
  SPANISH: 22,
  CHINESE: 17,
};

/** The minimum of a subject by its code, or null when none is published (its «below minimum» is not counted). */
export const egeMinimumScore = (subjectCode: string): number | null => EGE_MINIMUM_SCORES[subjectCode] ?? null;
