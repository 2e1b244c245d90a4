import { notFound } from "next/navigation";
import { LearnerCard } from "@/components/learners/card/learner-card";
import { isUuid } from "@/components/learners/display";
import { requirePortal } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.learnerCard);

// Read-only in this portal: the server sends canWrite=false and the view the role may see.
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePortal("ministry");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <LearnerCard id={id} portal="ministry" />;
}
