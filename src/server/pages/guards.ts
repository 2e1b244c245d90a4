// The session guards of server components (layouts and pages), with the
// database outage handled once: while the database is unreachable a portal
// page redirects to /unavailable, which answers 503 with a Russian message,
// instead of Next's generic 500 page. Pages import these, never
// ../auth/current-actor directly (a unit test checks it); the access rules
// themselves stay in current-actor.ts.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import * as current from "../auth/current-actor";
import type { Capability, Portal } from "../authz/matrix";
import { isDatabaseUnavailable } from "../db/unavailable";
import { PAGE_PATH_HEADER, unavailablePath } from "../http/unavailable-page";

export { pendingStepPath } from "../auth/current-actor";

/**
 * `load()`, or a redirect to the outage page when it failed because the
 * database is down. Next's own redirect/forbidden signals and every other
 * error pass through unchanged.
 */
export async function orUnavailable<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn("[page] database unavailable");
    redirect(unavailablePath((await headers()).get(PAGE_PATH_HEADER)));
  }
}

export const getCurrentSession = () => orUnavailable(current.getCurrentSession);
export const getCurrentActor = () => orUnavailable(current.getCurrentActor);
export const requireActor = () => orUnavailable(current.requireActor);
export const requirePortal = (portal: Portal) => orUnavailable(() => current.requirePortal(portal));
export const requireCapability = (portal: Portal, capability: Capability) => orUnavailable(() => current.requireCapability(portal, capability));
