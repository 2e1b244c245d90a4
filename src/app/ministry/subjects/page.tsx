import { forbidden } from "next/navigation";
import { SubjectsVocabulary } from "@/components/subjects/subjects-vocabulary";
import { canManageReferenceData, permits } from "@/server/authz/permissions";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.subjects);

export default async function Page() {
  const actor = await requirePortal("ministry");
  // The vocabulary is the region's: a municipality's officer holds the capability but not the scope.
  if (!permits(canManageReferenceData, actor)) forbidden();
  return <SubjectsVocabulary />;
}
