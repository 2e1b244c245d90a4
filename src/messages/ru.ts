// Russian UI text: the language of record. en.ts must have the same shape.
import { learnersRu } from "./learners-ru";
import { importRu } from "./import-ru";
import { organisationsRu } from "./organisations-ru";
import { programmesRu } from "./programmes-ru";
import { movementRu } from "./movement-ru";
import { rolloverRu } from "./rollover-ru";
import { classesRu } from "./classes-ru";
import { portfolioRu } from "./portfolio-ru";
import { healthRu } from "./health-ru";
import { healthStatsRu } from "./health-stats-ru";
import { qualityRu } from "./quality-ru";
import { subjectsRu } from "./subjects-ru";
import { territoriesRu } from "./territories-ru";
import { giaImportRu } from "./gia-import-ru";
import { performanceRu } from "./performance-ru";
import { reportsRu } from "./reports-ru";
import { frdoRu } from "./frdo-ru";
import { studyCertificatesRu } from "./study-certificates-ru";
import { giaResultsRu } from "./gia-results-ru";
import { residentsRu } from "./residents-ru";
import { childrenAccountRu } from "./children-account-ru";
import { dashboardRu } from "./dashboard-ru";
import { securityRu } from "./security-ru";
import { accessReportsRu } from "./access-reports-ru";
import { apiClientsRu } from "./api-clients-ru";
import { approvalsRu } from "./approvals-ru";
import { auditLabelsRu } from "./audit-labels-ru";
import { shellRu } from "./shell-ru";
import { formsRu } from "./forms-ru";
import { learnerAddressesRu } from "./learner-addresses-ru";
import { addressesRu } from "./addresses-ru";
export const ru = {
  app: { name: "Контингент", fullName: "Региональный реестр обучающихся «Контингент»" },
  locale: { ru: "Русский", en: "English", switchTo: "English" },
  roles: {
    SCHOOL_ADMIN: "Руководитель ОО",
    SCHOOL_REGISTRAR: "Специалист ОО",
    SCHOOL_MEDIC: "Медработник ОО",
    EDU_OFFICER: "Специалист Минобразования",
    HEALTH_OFFICER: "Специалист Минздрава",
    SYSTEM_ADMIN: "Администратор системы",
    AUDITOR: "Ответственный за защиту ПДн",
  },
  scopes: { ORGANISATION: "Организация", MUNICIPALITY: "Муниципалитет", REGION: "Регион" },
  portals: {
    school: "Портал образовательной организации",
    ministry: "Портал Министерства образования",
    health: "Портал Министерства здравоохранения",
    admin: "Администрирование",
  },
  nav: { home: "Главная", users: "Учётные записи", audit: "Журнал аудита", learners: "Обучающиеся", registrySearch: "Поиск обучающихся" },
  account: { menu: "Учётная запись", signOut: "Выйти", signedInAs: "Вы вошли как" },
  login: {
    title: "Вход в систему",
    login: "Логин",
    password: "Пароль",
    submit: "Войти",
    submitting: "Вход…",
    invalidCredentials: "Неверный логин или пароль",
    invalidInput: "Проверьте заполнение полей",
    unavailable: "Сервис временно недоступен. Попробуйте позже.",
    closedSystem: "Закрытая система. Доступ только для уполномоченных сотрудников.",
  },
  errors: {
    forbiddenTitle: "Доступ запрещён (403)",
    forbiddenText: "У вашей учётной записи нет доступа к этому разделу.",
    notFoundTitle: "Страница не найдена (404)",
    notFoundText: "Такой страницы нет или она вам недоступна.",
    generic: "Что-то пошло не так. Попробуйте ещё раз.",
    toHome: "На главную",
    unavailableTitle: "Сервис временно недоступен (503)",
    unavailableText: "База данных временно недоступна. Повторите попытку через минуту.",
    retry: "Повторить",
  },
  orgTypes: {
    KINDERGARTEN: "Детский сад",
    GENERAL_SCHOOL: "Общеобразовательная школа",
    BOARDING_SCHOOL: "Школа-интернат",
    COLLEGE: "Колледж (СПО)",
    ADDITIONAL_EDUCATION: "Организация дополнительного образования",
  },
  school: {
    title: "Моя организация",
    municipality: "Муниципалитет",
    type: "Тип",
    inn: "ИНН",
    ogrn: "ОГРН",
    kpp: "КПП",
    address: "Адрес",
    head: "Руководитель",
    staff: "Активных учётных записей сотрудников",
  },
  adminUsers: {
    title: "Учётные записи",
    create: "Создать учётную запись",
    createTitle: "Новая учётная запись",
    editTitle: (login: string) => `Изменение учётной записи ${login}`,
    search: "Поиск по логину или ФИО",
    find: "Найти",
    login: "Логин",
    fullName: "ФИО",
    password: "Пароль",
    newPassword: "Новый пароль",
    newPasswordHint: "Оставьте пустым, чтобы не менять пароль",
    role: "Роль",
    allRoles: "Все роли",
    scope: "Область доступа",
    municipality: "Муниципалитет",
    organisation: "Организация",
    choose: "Выберите…",
    chooseMunicipality: "Выберите муниципалитет",
    chooseOrganisation: "Выберите организацию",
    status: "Состояние",
    allStatuses: "Все",
    active: "Активна",
    inactive: "Отключена",
    lastLogin: "Последний вход",
    neverSignedIn: "Не входил(а)",
    actions: "Действия",
    edit: "Изменить",
    deactivate: "Отключить",
    activate: "Включить",
    confirmDeactivate: (login: string) => `Отключить учётную запись ${login}? Её открытые сеансы будут завершены.`,
    submitCreate: "Создать",
    submitEdit: "Сохранить",
    submitting: "Сохранение…",
    checkFields: "Проверьте заполнение полей",
    created: (login: string) => `Учётная запись ${login} создана`,
    updated: (login: string) => `Учётная запись ${login} изменена`,
    activated: (login: string) => `Учётная запись ${login} включена`,
    deactivated: (login: string) => `Учётная запись ${login} отключена`,
    empty: "Учётные записи не найдены",
  },
  adminAudit: {
    title: "Журнал аудита",
    id: "№",
    at: "Время",
    actor: "Учётная запись",
    role: "Роль",
    ip: "IP-адрес",
    action: "Действие",
    outcome: "Результат",
    entity: "Объект",
    details: "Подробности",
    outcomes: { SUCCESS: "Успешно", FAILURE: "Ошибка", DENIED: "Отказано" },
    login: "Логин",
    allActions: "Все действия",
    from: "С даты",
    to: "По дату",
    apply: "Применить",
    reset: "Сбросить фильтры",
    verify: "Проверить целостность цепочки",
    verifying: "Проверка…",
    chainOk: (checked: number) => `Цепочка целостна. Проверено записей: ${checked}`,
    chainBroken: (id: string) => `Нарушение целостности в записи № ${id}`,
    reasons: {
      content: "содержимое записи изменено после её создания",
      link: "запись не связана с предыдущей (удаление или вставка)",
      learners: "изменён список обучающихся, затронутых записью",
      missing: "удалены записи, которые подтверждала контрольная точка (обрезан конец журнала)",
      anchor: "запись контрольной точки имеет другой хеш (цепочка пересчитана)",
      forged: "подпись контрольной точки, проверки или признания не сходится (подделка)",
    },
    empty: "Записей не найдено",
  },
  common: {
    loading: "Загрузка…",
    save: "Сохранить",
    cancel: "Отмена",
    yes: "Да",
    no: "Нет",
    none: "—",
    previous: "Назад",
    next: "Далее",
    pageOf: (page: number, pages: number) => `Страница ${page} из ${pages}`,
    total: (n: number) => `Всего: ${n}`,
  },
  ...learnersRu,
  ...importRu,
  ...organisationsRu,
  ...programmesRu,
  ...movementRu,
  ...rolloverRu,
  ...classesRu,
  ...portfolioRu,
  ...healthRu,
  ...healthStatsRu,
  ...qualityRu,
  ...subjectsRu,
  ...territoriesRu,
  ...giaImportRu,
  ...performanceRu,
  ...reportsRu,
  ...frdoRu,
  ...studyCertificatesRu,
  ...giaResultsRu,
  ...residentsRu,
  ...childrenAccountRu,
  ...dashboardRu,
  ...securityRu,
  ...accessReportsRu,
  ...apiClientsRu,
  ...approvalsRu,
  ...auditLabelsRu,
  ...shellRu,
  ...formsRu,
  ...learnerAddressesRu,
  ...addressesRu,
};

export type Messages = typeof ru;
