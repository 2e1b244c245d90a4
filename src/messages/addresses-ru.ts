// Russian text of the address input with suggestions from the ГАР directory (issue 22).
export const addressesRu = {
  addresses: {
    suggestionsLabel: "Подсказки адресов из ГАР",
    loading: "Ищем адреса…",
    none: "В справочнике ГАР ничего не найдено: адрес можно ввести вручную",
    failed: "Подсказки сейчас недоступны: адрес можно ввести вручную",
    hint: "Начните вводить населённый пункт, улицу и дом; выберите адрес стрелками и Enter",
    kinds: { HOUSE: "дом", STREET: "улица", SETTLEMENT: "населённый пункт" },
  },
};
