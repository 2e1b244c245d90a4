// Names for the objects of audit rows (a learner's or an account's name
// instead of `Learner b01e7c14…`), and where the viewer may follow them.
// Decided here, on the server: the auditor (audit.read) gets links to the
// access reports — «Кто обращался к обучающемуся» for a learner, «Что читала
// учётная запись» for an account; nobody gets a link to a learner's card from
// the audit log (the auditor has no right to the card itself).
// Learner names are personal data: callers record the learners they named in
// their own audit row (learnerIds), as every list read does.
import { z } from "zod";
import type { Role } from "../../authz/matrix";
import { hasCapability } from "../../authz/matrix";
import type { DbTx } from "../../db";
import { fullNameOf } from "./learner-lookup";

export const ZAuditObject = z.object({
  type: z.string(),
  id: z.string(),
  /** null: the object no longer exists, or its kind has no name to show. */
  name: z.string().nullable(),
  /** Which access report the viewer may open for it, if any. */
  link: z.enum(["learnerAccess", "accountReads"]).nullable(),
  /** The account's login, for the «what this account read» link. */
  login: z.string().nullable(),
});
export type AuditObject = z.infer<typeof ZAuditObject>;

interface ObjectRef {
  entityType: string | null;
  entityId: string | null;
  details?: unknown;
}

/** Detail keys that hold an organisation's id («В организацию», «Из организации»…): shown by name. */
const ORGANISATION_KEY = /organisationId$/i;

function organisationIdsInDetails(details: unknown): string[] {
  if (!details || typeof details !== "object" || Array.isArray(details)) return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([key, value]) => ORGANISATION_KEY.test(key) && typeof value === "string" && UUID.test(value))
    .map(([, value]) => value as string);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of one entity type among the rows (uuids only: other ids are never looked up). */
function idsOf(rows: readonly ObjectRef[], type: string): string[] {
  return [...new Set(rows.filter((r) => r.entityType === type && r.entityId && UUID.test(r.entityId)).map((r) => r.entityId!))];
}

/**
 * Resolves the rows' objects in four queries at most (one per named kind).
 * Returns the objects by row index and the ids of the learners it named.
 */
export async function resolveAuditObjects(tx: DbTx, viewerRole: Role, rows: readonly ObjectRef[]) {
  const learnerIds = idsOf(rows, "Learner");
  const userIds = idsOf(rows, "User");
  const orgIds = [...new Set([...idsOf(rows, "Organisation"), ...rows.flatMap((r) => organisationIdsInDetails(r.details))])];
  const clientIds = idsOf(rows, "MachineClient");
  // One after another: queries of one interactive transaction share its connection.
  const learners = learnerIds.length ? await tx.learner.findMany({ where: { id: { in: learnerIds } }, select: { id: true, lastName: true, firstName: true, middleName: true } }) : [];
  const users = userIds.length ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, login: true, fullName: true } }) : [];
  const orgs = orgIds.length ? await tx.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, shortName: true } }) : [];
  const clients = clientIds.length ? await tx.machineClient.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true } }) : [];
  const learnerName = new Map(learners.map((l) => [l.id, fullNameOf(l)]));
  const user = new Map(users.map((u) => [u.id, u]));
  const orgName = new Map(orgs.map((o) => [o.id, o.shortName]));
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const mayFollow = hasCapability(viewerRole, "audit.read");

  const objects = rows.map((r): AuditObject | null => {
    if (!r.entityType || !r.entityId) return null;
    const id = r.entityId;
    switch (r.entityType) {
      case "Learner":
        return { type: r.entityType, id, name: learnerName.get(id) ?? null, link: mayFollow ? "learnerAccess" : null, login: null };
      case "User": {
        const u = user.get(id);
        return { type: r.entityType, id, name: u ? `${u.fullName} (${u.login})` : null, link: mayFollow && u ? "accountReads" : null, login: u?.login ?? null };
      }
      case "Organisation":
        return { type: r.entityType, id, name: orgName.get(id) ?? null, link: null, login: null };
      case "MachineClient":
        return { type: r.entityType, id, name: clientName.get(id) ?? null, link: null, login: null };
      default:
        return { type: r.entityType, id, name: null, link: null, login: null };
    }
  });
  // Names of the organisations the details mention, per row (organisations are not personal data).
  const detailNames = rows.map((r) => Object.fromEntries(organisationIdsInDetails(r.details).flatMap((id) => (orgName.has(id) ? [[id, orgName.get(id)!]] : []))));
  return { objects, detailNames, namedLearnerIds: learners.map((l) => l.id) };
}
