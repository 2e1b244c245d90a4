// Who may act as the second person of the two-person rule: a holder of the
// approving capability (access matrix) with a region-level scope, and never
// the person who asked. Shared by the client and account approvals.
import type { Actor } from "../../auth/actor";
import { hasCapability, type Capability } from "../../authz/matrix";
import { forbidden } from "../../errors";

export const SELF_APPROVAL_MESSAGE = "Нельзя подтвердить собственную заявку: её должен подтвердить другой сотрудник";

/** FORBIDDEN unless `actor` holds `capability` for the whole region. */
export function assertRegionApprover(actor: Actor, capability: Capability): void {
  if (!hasCapability(actor.role, capability)) throw forbidden();
  assertRegionScope(actor);
}

/** A municipal officer sees one municipality: the decision is the region's. */
export function assertRegionScope(actor: Actor): void {
  if (actor.scope.kind !== "REGION") throw forbidden("Заявки на доступ подтверждает специалист регионального уровня");
}

/** FORBIDDEN when the approver is the one who asked: the rule needs two people. */
export function assertSecondPerson(actor: Actor, requestedById: string): void {
  if (actor.id === requestedById) throw forbidden(SELF_APPROVAL_MESSAGE);
}
