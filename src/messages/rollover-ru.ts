// Russian text of the school's year-end rollover (/school/rollover) and the
// ministry's movement oversight (/ministry/movement). Spread into ru.ts;
// rollover-en.ts mirrors it. Level names are the learner registry's (vocab.levels).
type Counts = { PROMOTION: number; REPEAT_YEAR: number; GRADUATION: number };

export const rolloverRu = {
  rollover: {
    nav: "Перевод на новый учебный год",
    title: "Перевод на новый учебный год",
    intro:
      "Все обучающиеся классов школы переводятся в следующий класс, 9-е и 11-е классы — выпускаются. Отметьте, кто остаётся на повторное обучение и кто из 9-х классов продолжает обучение в 10-м.",
    learner: "Обучающийся",
    from: "Класс",
    action: "Решение",
    target: "Новый класс",
    actions: {
      PROMOTION: "Перевести в следующий класс",
      REPEAT_YEAR: "Оставить на повторное обучение",
      GRADUATION: "Выпуск",
    },
    classHeading: (label: string, level: string, count: number) => `${label} · ${level} · обучающихся: ${count}`,
    graduates: "выпускается",
    changed: "изменено",
    empty: "В школе нет обучающихся в классах: переводить некого.",
    totalsTitle: "Итого по плану",
    totals: (c: Counts) =>
      `переводятся в следующий класс: ${c.PROMOTION}, остаются на повторное обучение: ${c.REPEAT_YEAR}, выпускаются: ${c.GRADUATION}`,
    overrides: (n: number) => `Изменено решений: ${n}`,
    orderSection: "Приказ о переводе",
    submit: "Провести перевод",
    submitting: "Перевод проводится…",
    confirm: (c: Counts) =>
      `Провести перевод на новый учебный год?\nПереводятся: ${c.PROMOTION}\nОстаются на повторное обучение: ${c.REPEAT_YEAR}\nВыпускаются: ${c.GRADUATION}`,
    doneTitle: "Перевод проведён",
    done: (c: Counts) =>
      `Переведены в следующий класс: ${c.PROMOTION}, оставлены на повторное обучение: ${c.REPEAT_YEAR}, выпущены: ${c.GRADUATION}.`,
    checkFields: "Проверьте поля приказа",
  },
  movementOversight: {
    nav: "Движение",
    title: "Движение обучающихся",
    staleTitle: "Переводы, ожидающие решения дольше N дней",
    staleDays: "N, дней",
    staleDaysInvalid: "Введите целое число дней от 0 до 365",
    requestedAt: "Дата запроса",
    fromOrganisation: "Откуда",
    toOrganisation: "Куда",
    daysWaiting: "Дней ожидания",
    organisation: (name: string, municipality: string) => `${name} (${municipality})`,
    staleEmpty: "Переводов, ожидающих решения дольше указанного срока, нет.",
    flowsTitle: "Потоки между муниципалитетами",
    periodFrom: "Начало периода",
    periodTo: "Конец периода",
    periodInvalid: "Укажите начало и конец периода; начало не позже конца",
    fromMunicipality: "Откуда",
    toMunicipality: "Куда",
    transfers: "Переводов",
    flowsEmpty: "За этот период принятых переводов между муниципалитетами нет.",
    total: "Всего",
  },
};
