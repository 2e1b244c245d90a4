// Movement over a period: non-cancelled orders of the organisations in the
// drill, counted by type (from the monthly counts, movement-counts.ts), and
// accepted transfers between municipalities (the oversight service's flows).
// One SQL statement per chart.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import type { MovementInput } from "@/lib/schemas/dashboards";
import { countedOrders } from "../movement/movement-counts";
import { transferFlows } from "../movement/oversight";
import { resolveDrill } from "./scope";

export const ARRIVALS = ["ENROLMENT", "TRANSFER_IN", "REINSTATEMENT"] as const;
export const DEPARTURES = ["TRANSFER_OUT", "EXPULSION", "GRADUATION"] as const;
const MOVEMENT_TYPES = [...ARRIVALS, ...DEPARTURES] as const;

export const ZMovementOutput = z.object({
  byType: z.array(z.object({ type: z.enum(MOVEMENT_TYPES), direction: z.enum(["arrival", "departure"]), count: z.number() })),
  flows: z.array(z.object({ fromMunicipality: z.string(), toMunicipality: z.string(), transfers: z.number() })),
});

export async function countMovement(db: Db, actor: Actor, input: MovementInput): Promise<z.infer<typeof ZMovementOutput>> {
  if (input.from > input.to) throw badRequest("Начало периода позже его конца", "from");
  const drill = await resolveDrill(db, actor, input);
  const rows = await db.$queryRaw<{ type: string; count: number }[]>(Prisma.sql`
    SELECT c."type", sum(c."n")::int AS "count"
    FROM (${countedOrders(input.from, input.to, MOVEMENT_TYPES)}) c
    JOIN "Organisation" o ON o."id" = c."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE ${drill.where}
    GROUP BY 1`);
  const counts = new Map(rows.map((r) => [r.type, Number(r.count)]));
  const byType = MOVEMENT_TYPES.map((type) => ({
    type,
    direction: (ARRIVALS as readonly string[]).includes(type) ? ("arrival" as const) : ("departure" as const),
    count: counts.get(type) ?? 0,
  }));
  const flows = await transferFlows(db, actor, input.from, input.to);
  return { byType, flows };
}
