import type { RefusalMessages } from "./refusals-ru";

export const refusalsEn: RefusalMessages = {
  foreignOrigin: (own) => `Request refused: it came from a foreign or unknown origin.${own ? ` Open the system at its address: ${own}` : ""}`,
  postOnly: "API requests are accepted with the POST method only",
  jsonOnly: "The request body must be application/json",
  batchTooLarge: (max) => `At most ${max} calls in one request`,
  crossSiteDownload: "Downloading through a link from another site is not allowed: open the section in the system and press «Download»",
};
