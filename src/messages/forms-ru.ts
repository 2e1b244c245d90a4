// Shared form chrome: the error summary and the unsaved-changes warning.
export const formsRu = {
  forms: {
    summaryTitle: "Исправьте ошибки",
    summaryCount: (n: number) => `Ошибок: ${n}. Выберите ошибку, чтобы перейти к полю.`,
    unsavedChanges: "Изменения не сохранены. Уйти со страницы и потерять их?",
  },
};
