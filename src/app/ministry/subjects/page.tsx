import { forbidden } from "next/navigation";
import { SubjectsVocabulary } from "@/components/subjects/subjects-vocabulary";
import { hasCapability } from "@/server/authz/matrix";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.subjects);

export default async function Page() {
  const actor = await requirePortal("ministry");
  // The vocabulary is the region's: a municipality's officer holds the capability but not the scope.
  if (!hasCapability(actor.role, "referenceData.manage") || actor.scope.kind !== "REGION") forbidden();
  return <SubjectsVocabulary />;
}
