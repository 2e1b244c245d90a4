// Inputs of the municipal account of children and the admission forecast
// (issue 22): the `childrenAccount` router, its XLSX export route and the
// pages. Every number is bounded, so no input (nor the fuzzer) can make the
// lists' SQL misbehave. A municipality's officer may omit the municipality
// (its own); the region's officer must name one (the service says so).
import { z } from "zod";
import { reportsRu } from "@/messages/reports-ru";
import { zDay } from "./person";

export const ACCOUNT_LISTS = ["notInEducation", "didNotStart", "droppedOut", "leftRegion"] as const;
export type AccountList = (typeof ACCOUNT_LISTS)[number];

/** N: days after an expulsion or transfer-out without a new enrolment before a child is listed. */
export const DROPOUT_DAYS = { min: 1, max: 365, default: 30 } as const;
/** K: days after 1 September before «did not start» is drawn up. */
export const GRACE_DAYS = { min: 0, max: 90, default: 14 } as const;
export const ACCOUNT_PAGE_SIZE = { max: 500, default: 100 } as const;
export const FORECAST_YEARS = { min: 2000, max: 2100 } as const;

const municipalityId = z.uuid({ error: reportsRu.reports.territoryErrors.municipality }).optional();
const int = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

/** What every list is computed for: the municipality, the date D, N, K and the start of the «left the region» period. */
export const ZAccountParams = z.object({
  municipalityId,
  /** D; default today (the region's day). */
  date: zDay("дату").optional(),
  days: int(DROPOUT_DAYS.min, DROPOUT_DAYS.max, "Укажите число дней от 1 до 365").default(DROPOUT_DAYS.default),
  grace: int(GRACE_DAYS.min, GRACE_DAYS.max, "Укажите число дней от 0 до 90").default(GRACE_DAYS.default),
  /** Start of the «left the region» period; default 1 September of D's academic year. */
  since: zDay("дату").optional(),
});
export type AccountParams = z.infer<typeof ZAccountParams>;

export const ZAccountListInput = ZAccountParams.extend({
  list: z.enum(ACCOUNT_LISTS, { error: "Выберите список учёта детей" }),
  page: int(1, 100_000, "Неверный номер страницы").default(1),
  pageSize: int(1, ACCOUNT_PAGE_SIZE.max, "Неверный номер страницы").default(ACCOUNT_PAGE_SIZE.default),
});
export type AccountListInput = z.infer<typeof ZAccountListInput>;

export const ZForecastInput = z.object({
  municipalityId,
  /** The academic year of admission (2027 = 2027/28); default the year after today's. */
  year: int(FORECAST_YEARS.min, FORECAST_YEARS.max, "Укажите учебный год с 2000 по 2100").optional(),
});
export type ForecastInput = z.infer<typeof ZForecastInput>;
