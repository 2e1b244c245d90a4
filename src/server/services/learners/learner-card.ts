// A learner's card: what the caller may see of one learner, decided by its
// role and its relationship to the learner (relationship.ts), audited in the
// same transaction with the view and stages shown.
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { allowsLearnerStage, allowsStage, relationshipAccess, type Relationship } from "../../authz/matrix";
import { assertLearnerAccess, relationshipOf, visibleEnrolments } from "../../authz/relationship";
import type { Db } from "../../db";
import { decryptIdentity } from "../person/identity-fields";
import { cardStages, currentEnrolment, enrolmentWithFactsSelect, toIdentity, type LearnerCard } from "./learner-views";

type View = LearnerCard["view"];

/** personal: the whole stage; contacts: identity and whom to call; identity: the identity subset. */
function viewFor(actor: Actor, relationship: Relationship): View {
  if (allowsLearnerStage(actor.role, relationship, "PERSONAL", "read")) return "personal";
  const contacts = relationshipAccess(relationship).representatives === "contacts" && allowsStage(actor.role, "PERSONAL", "read");
  return contacts ? "contacts" : "identity";
}

export async function getLearnerCard(db: Db, actor: Actor, id: string, ip: string | null): Promise<LearnerCard> {
  return db.$transaction(async (tx) => {
    const learner = await tx.learner.findUnique({
      where: { id },
      include: {
        enrolments: { select: enrolmentWithFactsSelect, orderBy: { enrolledAt: "desc" } },
        representatives: { include: { representative: true }, orderBy: [{ isPrimaryContact: "desc" }, { createdAt: "asc" }] },
        consents: { orderBy: { givenAt: "desc" } },
        // Enum order: residence, stay, actual.
        addresses: {
          select: { kind: true, match: true, settlement: true, street: true, house: true, building: true, flat: true, postcode: true },
          orderBy: { kind: "asc" },
        },
      },
    });
    const relationship = learner ? relationshipOf(actor.scope, learner.regionId, learner.enrolments) : "NONE";
    assertLearnerAccess(actor, relationship, "PERSONAL", "identity");
    const found = learner!;
    const view = viewFor(actor, relationship);
    const stages = cardStages(actor.role, relationship);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.card.read",
      entityType: "Learner",
      entityId: found.id,
      details: { stages, view, relationship },
    });
    // A school that no longer holds the learner, or teaches them only in an
    // additional programme, sees its own enrolments: never where the learner went.
    const enrolments = visibleEnrolments(actor.scope, relationship, found.enrolments);
    const current = currentEnrolment(enrolments);
    const identity = toIdentity(found, current);
    const portfolioWrites =
      actor.scope.kind === "ORGANISATION" && allowsLearnerStage(actor.role, relationship, "PORTFOLIO", "write") ? [...relationshipAccess(relationship).portfolioWrites] : [];
    const common = { stages, relationship, status: current?.status ?? null, trajectory: allowsStage(actor.role, "PERSONAL", "read"), portfolioWrites };
    if (view === "identity") return { view, ...common, canWrite: false, learner: identity };
    const representatives = found.representatives.map(({ representative, relation, isPrimaryContact }) => ({
      ...decryptIdentity("Representative", representative),
      relation,
      isPrimaryContact,
    }));
    if (view === "contacts") return { view, ...common, canWrite: false, learner: { ...identity, representatives, enrolments } };
    return {
      view,
      ...common,
      canWrite: allowsLearnerStage(actor.role, relationship, "PERSONAL", "write"),
      learner: { ...decryptIdentity("Learner", found), ...identity, representatives, enrolments },
    };
  });
}
