import { RegistrySearch } from "@/components/learners/registry-search";
import { requirePortal } from "@/server/auth/current-actor";

export default async function Page() {
  await requirePortal("ministry");
  return <RegistrySearch portal="ministry" />;
}
