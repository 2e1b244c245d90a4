// Organisation identifiers as every write path must check them (domain.md:
// INN with the legal-entity checksum, OGRN check digit, KPP format).
import { z } from "zod";
import { zInn, zKpp, zOgrn } from "@/lib/validators";

export const ZOrganisationIdentifiers = z.object({ inn: zInn, ogrn: zOgrn, kpp: zKpp });
export type OrganisationIdentifiers = z.infer<typeof ZOrganisationIdentifiers>;
