// Inputs of the territories assigned to schools (issue 22): orders of a
// municipality for an academic year, their assignments of houses, streets and
// settlements to schools, the lookup of the schools of an address, overlaps,
// unassigned houses and first-grade places. Shared by the ministry's page and
// the server. Directory ids (ГАР OBJECTID, bigint) travel as decimal strings.
import { z } from "zod";
import { zDay } from "./person";
import { MAX_ACADEMIC_YEAR, MIN_ACADEMIC_YEAR } from "./programme";

export const TERRITORY_OBJECT_KINDS = ["HOUSE", "STREET", "SETTLEMENT"] as const;
export type TerritoryObjectKind = (typeof TERRITORY_OBJECT_KINDS)[number];
export const MAX_FIRST_GRADE_PLACES = 10_000;
const BIGINT_MAX = 9_223_372_036_854_775_807n;

const zAcademicYear = z
  .number("Учебный год — число")
  .int("Учебный год — целое число")
  .min(MIN_ACADEMIC_YEAR, `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`)
  .max(MAX_ACADEMIC_YEAR, `Учебный год от ${MIN_ACADEMIC_YEAR} до ${MAX_ACADEMIC_YEAR}`);

/** A ГАР OBJECTID: 1–19 digits within PostgreSQL's bigint. */
export const zGarObjectId = z
  .string("Выберите адрес из справочника")
  .trim()
  .max(19, "Выберите адрес из справочника")
  .refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) > 0n && BigInt(v) <= BIGINT_MAX, "Выберите адрес из справочника");

const zMunicipalityId = z.uuid("Выберите муниципалитет");
const zOrganisationId = z.uuid("Выберите школу");
const zOrderId = z.uuid("Выберите приказ");
const zPage = z.number().int().min(0).max(100_000).default(0);
const zPageSize = z.number().int().min(1).max(200).default(50);

/**
 * One municipality's territories in one academic year. A municipality's
 * officer may omit the municipality (their own); the region's officer names it.
 */
export const ZTerritoriesInput = z.object({ municipalityId: zMunicipalityId.optional(), academicYear: zAcademicYear });
export type TerritoriesInput = z.infer<typeof ZTerritoriesInput>;

export const ZCreateTerritoryOrderInput = z.object({
  municipalityId: zMunicipalityId.optional(),
  academicYear: zAcademicYear,
  orderNumber: z.string("Укажите номер приказа").trim().min(1, "Укажите номер приказа").max(50, "Не длиннее 50 символов"),
  orderDate: zDay("дату приказа"),
});
export type CreateTerritoryOrderInput = z.infer<typeof ZCreateTerritoryOrderInput>;

export const ZTerritoryOrderIdInput = z.object({ orderId: zOrderId });
export type TerritoryOrderIdInput = z.infer<typeof ZTerritoryOrderIdInput>;

export const ZAddTerritoryAssignmentInput = z.object({
  orderId: zOrderId,
  organisationId: zOrganisationId,
  objectKind: z.enum(TERRITORY_OBJECT_KINDS, "Выберите дом, улицу или населённый пункт"),
  garObjectId: zGarObjectId,
});
export type AddTerritoryAssignmentInput = z.infer<typeof ZAddTerritoryAssignmentInput>;

export const ZRemoveTerritoryAssignmentInput = z.object({ assignmentId: z.uuid("Закрепление не найдено") });
export type RemoveTerritoryAssignmentInput = z.infer<typeof ZRemoveTerritoryAssignmentInput>;

/** Which schools a house is assigned to in a year: the house picked from the directory, or an address typed as text. */
export const ZSchoolsForAddressInput = z
  .object({
    academicYear: zAcademicYear,
    houseId: zGarObjectId.optional(),
    address: z.string().trim().max(500, "Не длиннее 500 символов").optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.houseId && !v.address) ctx.addIssue({ code: "custom", path: ["address"], message: "Укажите адрес" });
  });
export type SchoolsForAddressInput = z.infer<typeof ZSchoolsForAddressInput>;

export const ZTerritoryHousesPageInput = ZTerritoriesInput.extend({ page: zPage, pageSize: zPageSize });
export type TerritoryHousesPageInput = z.infer<typeof ZTerritoryHousesPageInput>;

export const ZSetFirstGradePlacesInput = z.object({
  organisationId: zOrganisationId,
  academicYear: zAcademicYear,
  places: z
    .number("Мест — целое число от 0 до 10000")
    .int("Мест — целое число от 0 до 10000")
    .min(0, "Мест — целое число от 0 до 10000")
    .max(MAX_FIRST_GRADE_PLACES, "Мест — целое число от 0 до 10000"),
});
export type SetFirstGradePlacesInput = z.infer<typeof ZSetFirstGradePlacesInput>;
