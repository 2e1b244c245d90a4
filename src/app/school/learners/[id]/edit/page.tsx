import { forbidden, notFound } from "next/navigation";
import { LearnerEdit } from "@/components/learners/form/learner-edit";
import { isUuid } from "@/components/learners/display";
import { requirePortal } from "@/server/pages/guards";
import { allowsStage } from "@/server/authz/matrix";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerEdit);

export default async function EditLearner({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePortal("school");
  if (!allowsStage(actor.role, "PERSONAL", "write")) forbidden();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <LearnerEdit id={id} />;
}
