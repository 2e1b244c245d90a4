import { notFound } from "next/navigation";
import { LearnerCard } from "@/components/learners/card/learner-card";
import { requirePortal } from "@/server/auth/current-actor";
import { isUuid } from "@/components/learners/display";

export default async function SchoolLearnerCard({ params }: { params: Promise<{ id: string }> }) {
  await requirePortal("school");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <LearnerCard id={id} portal="school" />;
}
