import { forbidden } from "next/navigation";
import { LearnerForm } from "@/components/learners/form/learner-form";
import { requirePortal } from "@/server/pages/guards";
import { allowsStage } from "@/server/authz/matrix";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerNew);

export default async function NewLearner() {
  const actor = await requirePortal("school");
  if (!allowsStage(actor.role, "PERSONAL", "write")) forbidden();
  return <LearnerForm mode="create" />;
}
