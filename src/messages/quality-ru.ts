// Russian text of the data-quality pages (school list, ministry counts).
export const qualityRu = {
  quality: {
    nav: "Качество данных",
    schoolTitle: "Качество данных",
    schoolLead: "Обучающиеся организации, у которых в данных найдены недочёты. Откройте карточку, чтобы исправить.",
    ministryTitle: "Качество данных по организациям",
    refreshedAt: (at: string) => `Подсчитано ${at}; пересчитывается каждые несколько минут.`,
    ministryLead: "Число обучающихся с недочётами по каждой проверке (обучающиеся с текущим зачислением).",
    none: "Недочётов не найдено.",
    organisation: "Организация",
    learners: "Обучающихся",
    total: "Итого",
    trendTitle: "Динамика за 30 дней (всего недочётов)",
    noTrend: "Снимков пока нет.",
    checks: {
      missingSnils: "Нет СНИЛС",
      invalidSnils: "Неверный СНИЛС",
      possibleDuplicates: "Возможные дубликаты",
      doubleBasicEnrolment: "Два основных зачисления",
      ageGradeMismatch: "Возраст не соответствует классу",
      missingDocument: "Нет документа",
      expiredDocument: "Документ недействителен (свидетельство после 14 лет)",
      missingRepresentative: "Нет законного представителя",
      missingConsent: "Нет согласия на обработку ПДн",
      missingHealth: "Нет сведений о здоровье",
    },
  },
};
