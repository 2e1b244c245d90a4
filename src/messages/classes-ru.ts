// Russian text of class choice: the class picker of every form that places a
// learner, the import's missing-classes confirmation and the rollover's
// class sections and totals bar. Spread into ru.ts; classes-en.ts mirrors it.
type Tally = { PROMOTION: number; REPEAT_YEAR: number; GRADUATION: number; undecided: number };

export const classesRu = {
  classPicker: {
    label: "Класс",
    choose: "Выберите класс",
    chooseLevelFirst: "Сначала выберите уровень",
    loading: "Загрузка классов…",
    year: (year: string) => `Классы ${year} учебного года`,
    none: (year: string) => `В школе нет классов этого уровня на ${year} учебный год.`,
    createLink: "Создать класс в разделе «Программы и классы»",
    /** The server's refusal (details.code CLASS_NOT_IN_LIST), for pages that show their own text. */
    unknownClass: (label: string, year: string) =>
      `Класса ${label} на ${year} учебный год в школе нет. Выберите класс из списка или сначала создайте его в разделе «Программы и классы».`,
  },
  importClasses: {
    missingTitle: "В файле есть классы, которых нет в школе",
    missingText: (labels: string) => `Классы ${labels} не найдены в разделе «Программы и классы». Строки с ними не будут загружены, пока классы не созданы.`,
    confirm: (labels: string) => `Создать классы ${labels}`,
    confirmHint: "Классы будут созданы вместе с загрузкой, в той же операции, по основной программе своего уровня.",
    created: (n: number) => `Создано классов: ${n}`,
  },
  rolloverClasses: {
    yearNote: (year: string) => `Новые классы — ${year} учебного года.`,
    bulkPromote: "Всех перевести в",
    bulkGraduate: "Выпустить всех",
    bulkApply: "Применить",
    collapse: "Свернуть",
    expand: "Развернуть",
    targetClass: "Класс",
    missingClass: "нет такого класса",
    tally: (t: Tally) =>
      `Переводятся: ${t.PROMOTION} · повторное обучение: ${t.REPEAT_YEAR} · выпускаются: ${t.GRADUATION} · без класса: ${t.undecided}`,
    missingTitle: (labels: string) => `В школе ещё нет классов: ${labels}.`,
    createMissing: (labels: string) => `Создать классы ${labels} при проведении перевода`,
    createLink: "Создать классы в разделе «Программы и классы»",
    undecidedBlock: "Выберите для каждого обучающегося существующий класс или подтвердите создание недостающих.",
  },
};
