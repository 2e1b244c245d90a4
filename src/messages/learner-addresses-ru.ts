// Learners' structured addresses (issue 22): the match states on the card and
// the school's page of addresses not found in the ГАР directory.
export const learnerAddressesRu = {
  learnerAddresses: {
    nav: "Адреса не найдены в ГАР",
    badge: (label: string, n: number) => `${label}, адресов: ${n}`,
    title: "Адреса не найдены в ГАР",
    lead: "Адреса обучающихся вашей организации, которые не удалось сопоставить с домом Государственного адресного реестра. Выберите верный дом из подсказок или подтвердите адрес как есть (например, новый дом или адрес в другом регионе).",
    kinds: {
      RESIDENCE: "Регистрация по месту жительства",
      STAY: "Регистрация по месту пребывания",
      ACTUAL: "Фактический адрес",
    } as Record<string, string>,
    matches: {
      HOUSE: "найден в ГАР",
      STREET: "улица найдена, дом нет",
      UNMATCHED: "не найден",
      MANUAL: "подтверждён вручную",
    } as Record<string, string>,
    filterAll: "Все несопоставленные",
    filterMatch: "Состояние",
    learner: "Обучающийся",
    kind: "Вид адреса",
    text: "Адрес, как введён",
    recognised: "Распознано",
    state: "Состояние",
    actions: "Исправление",
    pickHouse: "Выберите дом из ГАР",
    saveHouse: "Сохранить дом",
    confirm: "Подтвердить как есть",
    saving: "Сохранение…",
    saved: "Сохранено",
    empty: "Все адреса ваших обучающихся найдены в ГАР или подтверждены.",
    count: (n: number) => `Адресов: ${n}`,
    picked: (label: string) => `Выбран дом: ${label}`,
    noPicker: "Подсказки адресов недоступны: подтвердите адрес как есть или исправьте его в карточке обучающегося.",
  },
};
