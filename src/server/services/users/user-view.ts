// What the admin portal sees of an account: never the password hash.
import { z } from "zod";
import { ROLES, SCOPE_KINDS } from "../../authz/matrix";

export const userViewSelect = {
  id: true,
  login: true,
  fullName: true,
  role: true,
  scopeKind: true,
  active: true,
  lastLoginAt: true,
  lockedUntil: true,
  totpEnabledAt: true,
  createdAt: true,
  municipality: { select: { id: true, name: true } },
  organisation: { select: { id: true, shortName: true, municipality: { select: { name: true } } } },
} as const;

export const ZUserView = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  active: z.boolean(),
  lastLoginAt: z.date().nullable(),
  lockedUntil: z.date().nullable(),
  totpEnabledAt: z.date().nullable(),
  createdAt: z.date(),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  organisation: z
    .object({ id: z.string(), shortName: z.string(), municipality: z.object({ name: z.string() }) })
    .nullable(),
});
export type UserView = z.infer<typeof ZUserView>;
