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
  approvedAt: true,
  municipality: { select: { id: true, name: true } },
  organisation: { select: { id: true, shortName: true, municipality: { select: { name: true } } } },
  // The one waiting request of the two-person rule, if any.
  accessRequests: {
    where: { status: "PENDING" as const },
    select: { id: true, kind: true, role: true, scopeKind: true, requestedAt: true },
    take: 1,
  },
} as const;

export const ZPendingRequestView = z.object({
  id: z.string(),
  kind: z.enum(["CREATE", "CHANGE", "RESET"]),
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  requestedAt: z.date(),
});

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
  /** Null: a new account not (yet) approved by a second person; it cannot sign in. */
  approvedAt: z.date().nullable(),
  /** The requested role and scope waiting for approval (the columns above stay in force until then). */
  pendingRequest: ZPendingRequestView.nullable(),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  organisation: z
    .object({ id: z.string(), shortName: z.string(), municipality: z.object({ name: z.string() }) })
    .nullable(),
});
export type UserView = z.infer<typeof ZUserView>;

type UserRow = Omit<UserView, "pendingRequest"> & { accessRequests: z.infer<typeof ZPendingRequestView>[] };

export function toUserView({ accessRequests, ...row }: UserRow): UserView {
  return { ...row, pendingRequest: accessRequests[0] ?? null };
}
