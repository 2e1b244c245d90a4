import { Suspense } from "react";
import { requireCapability } from "@/server/pages/guards";
import { getServerMessages } from "@/server/i18n";
import { OrganisationsPage } from "./organisations-page";
import { pageTitle } from "@/server/pages/page-title";

export const generateMetadata = pageTitle((t) => t.organisations);

export default async function Page() {
  await requireCapability("ministry", "organisations.manage");
  const m = await getServerMessages();
  // useSearchParams in the client page needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="text-slate-500">{m.common.loading}</p>}>
      <OrganisationsPage />
    </Suspense>
  );
}
