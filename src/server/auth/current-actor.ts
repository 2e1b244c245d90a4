// The signed-in actor for server components and layouts. Pages use these
// guards; the same rules hold again in every tRPC procedure they call.
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasCapability, type Capability, type Portal } from "../authz/matrix";
import { getDb } from "../db";
import { loadSession, type Actor, type SessionState } from "./actor";
import { readSessionClaims } from "./session";

/** The session in any state (also one still owing its second factor), or null. */
export const getCurrentSession = cache(async (): Promise<SessionState | null> => {
  const claims = await readSessionClaims(await cookies());
  return loadSession(await getDb(), claims);
});

/** The actor of a fully signed-in session only. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const state = await getCurrentSession();
  return state?.gate === "open" ? state.actor : null;
});

/** Where a session that is not yet fully signed in must go next. */
export function pendingStepPath(state: SessionState): string | null {
  if (state.gate === "second_factor") return "/login/code";
  if (state.gate === "enrol") return "/login/enrol";
  return null;
}

export async function requireActor(): Promise<Actor> {
  const state = await getCurrentSession();
  if (!state) redirect("/login");
  const pending = pendingStepPath(state);
  if (pending) redirect(pending);
  return state.actor;
}

/** Signed out → sign-in page; another role's portal → 403 page. */
export async function requirePortal(portal: Portal): Promise<Actor> {
  const actor = await requireActor();
  if (actor.portal !== portal) forbidden();
  return actor;
}

export async function requireCapability(portal: Portal, capability: Capability): Promise<Actor> {
  const actor = await requirePortal(portal);
  if (!hasCapability(actor.role, capability)) forbidden();
  return actor;
}
