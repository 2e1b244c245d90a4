// What the ministry portal sees of an organisation. Organisations are not
// personal data; the learner figure is a count, never a row per learner.
import { z } from "zod";
import { ORGANISATION_TYPES } from "@/lib/schemas/organisation";
import type { Prisma } from "../../generated/prisma/client";

/** Enrolments that keep a learner on an organisation's books (domain.md: a pending transfer still counts for the sender). */
export const HELD_ENROLMENT = { status: { in: ["ACTIVE", "PENDING_TRANSFER"] } } satisfies Prisma.EnrolmentWhereInput;

export const organisationViewSelect = {
  id: true,
  type: true,
  fullName: true,
  shortName: true,
  inn: true,
  ogrn: true,
  kpp: true,
  founder: true,
  licenceNumber: true,
  licenceDate: true,
  address: true,
  headName: true,
  closedAt: true,
  municipality: { select: { id: true, name: true } },
  _count: { select: { enrolments: { where: HELD_ENROLMENT } } },
} satisfies Prisma.OrganisationSelect;

export const ZOrganisationView = z.object({
  id: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  fullName: z.string(),
  shortName: z.string(),
  inn: z.string(),
  ogrn: z.string(),
  kpp: z.string(),
  founder: z.string(),
  licenceNumber: z.string().nullable(),
  /** YYYY-MM-DD, as the form's date input takes it. */
  licenceDate: z.string().nullable(),
  address: z.string().nullable(),
  headName: z.string().nullable(),
  closedAt: z.date().nullable(),
  municipality: z.object({ id: z.string(), name: z.string() }),
  activeLearners: z.number(),
});
export type OrganisationView = z.infer<typeof ZOrganisationView>;

export function toOrganisationView<T extends { licenceDate: Date | null; _count: { enrolments: number } }>(row: T) {
  const { _count, licenceDate, ...rest } = row;
  return { ...rest, licenceDate: licenceDate ? licenceDate.toISOString().slice(0, 10) : null, activeLearners: _count.enrolments };
}
