// What the school's page of addresses not found in ГАР receives: the learner
// by name, the address kind and text, and what the parser recognised.
import { z } from "zod";
import { ADDRESS_KINDS, ADDRESS_MATCHES } from "@/lib/schemas/learner-addresses";

export const ZUnmatchedAddress = z.object({
  learner: z.object({ id: z.string(), lastName: z.string(), firstName: z.string(), middleName: z.string().nullable(), birthDate: z.date() }),
  kind: z.enum(ADDRESS_KINDS),
  match: z.enum(ADDRESS_MATCHES),
  text: z.string(),
  recognised: z.object({
    postcode: z.string().nullable(),
    settlement: z.string().nullable(),
    street: z.string().nullable(),
    house: z.string().nullable(),
    building: z.string().nullable(),
    flat: z.string().nullable(),
  }),
});
export type UnmatchedAddress = z.infer<typeof ZUnmatchedAddress>;

export const ZUnmatchedAddressList = z.object({ total: z.number(), rows: z.array(ZUnmatchedAddress) });
export type UnmatchedAddressList = z.infer<typeof ZUnmatchedAddressList>;

export const ZFixedAddress = z.object({ learnerId: z.string(), kind: z.enum(ADDRESS_KINDS), match: z.enum(ADDRESS_MATCHES) });
