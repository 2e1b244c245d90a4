import { requirePortal } from "@/server/auth/current-actor";
import { MinistryHome } from "./ministry-home";

export default async function Page() {
  await requirePortal("ministry");
  return <MinistryHome />;
}
