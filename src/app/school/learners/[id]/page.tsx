import { notFound } from "next/navigation";
import { LearnerCard } from "@/components/learners/card/learner-card";
import { requirePortal } from "@/server/pages/guards";
import { hasCapability } from "@/server/authz/matrix";
import { isUuid } from "@/components/learners/display";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerCard);

export default async function SchoolLearnerCard({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePortal("school");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // Only offers the order controls: every movement procedure checks the right again.
  return <LearnerCard id={id} portal="school" canMove={hasCapability(actor.role, "movement.write")} />;
}
