import { RegistrySearch } from "@/components/learners/registry-search";
import { requirePortal } from "@/server/pages/guards";

export default async function Page() {
  await requirePortal("ministry");
  return <RegistrySearch portal="ministry" />;
}
