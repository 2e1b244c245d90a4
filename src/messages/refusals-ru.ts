// Why the server refused a request before any procedure ran (origin, method,
// body type, batch size). Chosen on the server by the request's language
// cookie and shown on the page as the error (tRPC error message or a route's
// `{ error }`), so it stays out of the page bundle.
export const refusalsRu = {
  foreignOrigin: (own: string | null) =>
    `Запрос с чужого или неизвестного источника отклонён.${own ? ` Откройте систему по её адресу: ${own}` : ""}`,
  postOnly: "Запросы к API принимаются только методом POST",
  jsonOnly: "Тело запроса должно быть в формате application/json",
  batchTooLarge: (max: number) => `В одном запросе не больше ${max} вызовов`,
  crossSiteDownload: "Скачивание по ссылке с другого сайта запрещено: откройте раздел в системе и нажмите «Скачать»",
};

export type RefusalMessages = typeof refusalsRu;
