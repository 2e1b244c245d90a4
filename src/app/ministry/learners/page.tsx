import { RegistrySearch } from "@/components/learners/registry-search";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.registrySearch);

export default async function Page() {
  await requirePortal("ministry");
  return <RegistrySearch portal="ministry" />;
}
