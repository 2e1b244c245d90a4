// Russian text of the ministry's ГИА results page (/ministry/gia) and of its
// XLSX/PDF files (always built with this catalogue). Spread into ru.ts;
// gia-results-en.ts mirrors it.
export const giaResultsRu = {
  giaResults: {
    nav: "Результаты ГИА",
    title: "Результаты ГИА",
    lead: "Результаты ОГЭ, ГВЭ и ЕГЭ по предметам справочника за год с годом ранее; по территориям — с переходом от муниципалитета к организации.",
    year: "Год",
    kind: "Экзамен",
    kinds: { OGE: "ОГЭ", GVE: "ГВЭ", EGE: "ЕГЭ" } as Record<string, string>,
    yearError: "Укажите год с 2000 по 2100",
    fileTitle: "Результаты ГИА",
    reportTitle: "Результаты государственной итоговой аттестации ({kind}, {year})",
    header: { year: "Год", kind: "Экзамен", unmapped: "Результатов, не сопоставленных с предметом" },
    captions: {
      subjectsMarks: "По предметам: отметки",
      subjectsScores: "По предметам: тестовые баллы",
      subjectsBasicMath: "ЕГЭ по математике базового уровня: отметки",
      places: "По территориям",
    },
    /** ЕГЭ mathematics comes at two levels under one vocabulary subject. */
    levels: { profile: "{name} (профильный уровень)", basic: "{name} (базовый уровень)" },
    columns: {
      subject: "Предмет",
      participants: "Участников",
      mark: "«{m}»",
      noMark: "Без отметки",
      noScore: "Без балла",
      belowMin: "0 – ниже минимума",
      minTo60: "Минимум – 60",
      band61: "61–80",
      band81: "81–99",
      band100: "100 баллов",
      minimum: "Минимальный балл",
      belowShare: "Ниже минимума, %",
      averageMark: "Средняя отметка",
      averageScore: "Средний тестовый балл",
      previous: "{year}: {what}",
      municipality: "Муниципалитет",
      organisation: "Организация",
      results: "Результатов",
      below: "Ниже минимума",
      honours: "Аттестатов с отличием",
      total: "Всего",
    },
    /** The bars under a subjects table (decoration: the table holds the figures). */
    chart: {
      title: "Распределение результатов по предметам",
      note: "Полоса не строится, если хотя бы одно число строки скрыто.",
    },
    drill: "Подробнее по территории:",
    back: "Вся доступная территория",
    downloadXlsx: "Скачать XLSX",
    downloadPdf: "Скачать PDF",
    definitions:
      "Участник — обучающийся с результатом по предмету (при нескольких записях учитывается последняя). Ниже минимума: ОГЭ и ГВЭ — отметка «2», ЕГЭ — тестовый балл ниже минимального, установленного Рособрнадзором; ЕГЭ по математике базового уровня оценивается отметкой (ниже минимума — «2») и в баллы профильного уровня не входит. «Всего» по предметам считает результаты: обучающийся с тремя экзаменами учтён трижды.",
  },
};
