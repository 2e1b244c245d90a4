// Russian text of the ФИС ФРДО export page (school and ministry portals).
export const frdoRu = {
  frdo: {
    nav: "Аттестаты для ФИС ФРДО",
    title: "Выгрузка аттестатов в ФИС ФРДО",
    lead: "Аттестаты об основном общем и среднем общем образовании, выданные за период, в формате шаблона загрузки ФИС ФРДО. Перед выгрузкой каждый аттестат проверяется на обязательные поля: не прошедшие проверку в файл не попадают и перечислены ниже.",
    from: "Выданы с",
    to: "по",
    municipality: "Муниципалитет",
    organisation: "Организация",
    wholeScope: "Вся доступная территория",
    allOrganisations: "Все организации",
    check: "Проверить",
    fixPeriod: "Укажите период выдачи: существующие даты, начало не позже конца.",
    pressCheck: "Выберите период и нажмите «Проверить».",
    summary: (territory: string, total: number, exportable: number, failed: number) =>
      `${territory}: аттестатов за период — ${total}, в файл войдут — ${exportable}, не прошли проверку — ${failed}.`,
    download: (count: number) => `Скачать файл XLSX (${count})`,
    nothingToExport: "Нет аттестатов, прошедших проверку: файл не сформирован.",
    failures: "Не прошли проверку обязательных полей",
    noFailures: "Все аттестаты прошли проверку.",
    listedFirst: (shown: number, total: number) => `Показаны первые ${shown} из ${total}.`,
    columns: {
      holder: "Обладатель",
      level: "Аттестат",
      number: "Номер",
      issuedAt: "Дата выдачи",
      organisation: "Организация",
      problems: "Что исправить",
    },
    levels: { BASIC_GENERAL: "об основном общем", SECONDARY_GENERAL: "о среднем общем" },
  },
};
