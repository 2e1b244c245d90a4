// Russian text of the health statistics dashboard (Ministry of Health portal
// and the education officers' aggregates) and of its XLSX exports. Spread into
// ru.ts; health-stats-en.ts mirrors it. ОВЗ names are programmeVocab's.
import { healthRu } from "./health-ru";
export const healthStatsRu = {
  healthStats: {
    nav: "Здоровье: статистика",
    title: "Статистика здоровья обучающихся",
    lead: "Учитываются обучающиеся с действующим зачислением и текущей записью о здоровье на дату.",
    asOf: "На дату",
    region: "Регион",
    municipality: "Муниципалитет",
    organisation: "Организация",
    grade: "Класс",
    age: "Возраст, полных лет",
    noGrade: "без класса",
    total: "Всего",
    empty: "Нет данных",
    hiddenNote: "«<{n}» — число меньше {n} скрыто, как и числа и итоги, по которым его можно было бы вычислить",
    back: "Наверх",
    downloadList: "Список обучающихся организации со сведениями о здоровье (XLSX)",
    download: "Скачать XLSX",
    sections: {
      healthGroups: "Группы здоровья",
      peGroups: "Медицинские группы для занятий физкультурой",
      byAge: "Группы здоровья по возрасту",
      disabilities: "Обучающиеся с инвалидностью",
      adapted: "Нуждаются в адаптированной программе, по категориям ОВЗ",
    },
    // One vocabulary for the card and the statistics.
    healthGroups: healthRu.learnerHealth.healthGroups,
    peGroups: healthRu.learnerHealth.peGroups,
    disabilities: healthRu.learnerHealth.disabilities,
    ovzUnspecified: "Категория не указана",
    reports: { groups: "Группы здоровья", disabilities: "Инвалидность", adapted: "Адаптированные программы" },
  },
};
