import { redirect } from "next/navigation";
import { getCurrentActor } from "@/server/auth/current-actor";

// Each role lands in its own portal.
export default async function Home() {
  const actor = await getCurrentActor();
  redirect(actor ? `/${actor.portal}` : "/login");
}
