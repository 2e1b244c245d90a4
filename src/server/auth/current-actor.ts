// The signed-in actor for server components and layouts. Pages use these
// guards; the same rules hold again in every tRPC procedure they call.
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasCapability, type Capability, type Portal } from "../authz/matrix";
import { getDb } from "../db";
import { loadActor, type Actor } from "./actor";
import { readSessionClaims } from "./session";

export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims(await cookies());
  return loadActor(await getDb(), claims);
});

export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  return actor;
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
