import { redirect } from "next/navigation";
import { requireActor } from "@/server/pages/guards";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.home);

// Each role lands in its own portal (after its second factor, where one is due).
export default async function Home() {
  const actor = await requireActor();
  redirect(`/${actor.portal}`);
}
