// Territories assigned to schools (issue 22), mounted as `territories`: orders,
// assignments, overlaps, unassigned houses and first-grade places for the
// officers who keep them (canManageTerritories); the lookup «which school for
// this address» also for school staff (canSuggestAddresses): orders are public.
import { z } from "zod";
import {
  ZAddTerritoryAssignmentInput,
  ZCreateTerritoryOrderInput,
  ZRemoveTerritoryAssignmentInput,
  ZSchoolsForAddressInput,
  ZSetFirstGradePlacesInput,
  ZTerritoriesInput,
  ZTerritoryHousesPageInput,
  ZTerritoryOrderIdInput,
} from "@/lib/schemas/territories";
import { canManageTerritories, canSuggestAddresses } from "../../authz/permissions";
import { addTerritoryAssignment, removeTerritoryAssignment, setFirstGradePlaces } from "../../services/territories/assignments";
import { overlappingHouses, schoolsForAddress, unassignedHouses } from "../../services/territories/coverage";
import { copyPreviousYear, createTerritoryOrder, deleteTerritoryOrder, listTerritories } from "../../services/territories/orders";
import { permittedProcedure, router } from "../init";

const manage = permittedProcedure(canManageTerritories);
const lookup = permittedProcedure(canSuggestAddresses);

const zAssignment = z.object({ id: z.string(), objectKind: z.string(), garObjectId: z.string(), label: z.string() });
export const ZTerritoriesOutput = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }),
  academicYear: z.number(),
  schools: z.array(z.object({ id: z.string(), shortName: z.string(), places: z.number().nullable() })),
  orders: z.array(
    z.object({
      id: z.string(),
      orderNumber: z.string(),
      orderDate: z.string(),
      schools: z.array(z.object({ organisationId: z.string(), shortName: z.string(), assignments: z.array(zAssignment) })),
    }),
  ),
});
export const ZSchoolsForAddressOutput = z.object({
  houseId: z.string(),
  label: z.string(),
  academicYear: z.number(),
  schools: z.array(
    z.object({
      organisationId: z.string(),
      shortName: z.string(),
      via: z.array(
        z.object({ assignmentId: z.string(), objectKind: z.string(), label: z.string(), orderId: z.string(), orderNumber: z.string(), orderDate: z.string() }),
      ),
    }),
  ),
});
const zPageOf = <T extends z.ZodType>(row: T) => z.object({ total: z.number(), page: z.number(), pageSize: z.number(), rows: z.array(row) });
export const ZOverlapsOutput = zPageOf(
  z.object({ houseId: z.string(), label: z.string(), schools: z.array(z.object({ organisationId: z.string(), shortName: z.string() })) }),
);
export const ZUnassignedOutput = zPageOf(z.object({ houseId: z.string(), label: z.string() })).extend({ houses: z.number() });

export const territoriesRouter = router({
  list: manage
    .input(ZTerritoriesInput)
    .output(ZTerritoriesOutput)
    .query(({ ctx, input }) => listTerritories(ctx.db, ctx.actor, input)),
  createOrder: manage
    .input(ZCreateTerritoryOrderInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createTerritoryOrder(ctx.db, ctx.actor, input, ctx.ip)),
  deleteOrder: manage
    .input(ZTerritoryOrderIdInput)
    .output(z.object({ assignments: z.number() }))
    .mutation(({ ctx, input }) => deleteTerritoryOrder(ctx.db, ctx.actor, input, ctx.ip)),
  copyPreviousYear: manage
    .input(ZTerritoryOrderIdInput)
    .output(z.object({ copied: z.number() }))
    .mutation(({ ctx, input }) => copyPreviousYear(ctx.db, ctx.actor, input, ctx.ip)),
  addAssignment: manage
    .input(ZAddTerritoryAssignmentInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => addTerritoryAssignment(ctx.db, ctx.actor, input, ctx.ip)),
  removeAssignment: manage
    .input(ZRemoveTerritoryAssignmentInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => removeTerritoryAssignment(ctx.db, ctx.actor, input, ctx.ip)),
  setPlaces: manage
    .input(ZSetFirstGradePlacesInput)
    .output(z.object({ places: z.number() }))
    .mutation(({ ctx, input }) => setFirstGradePlaces(ctx.db, ctx.actor, input, ctx.ip)),
  overlaps: manage
    .input(ZTerritoryHousesPageInput)
    .output(ZOverlapsOutput)
    .query(({ ctx, input }) => overlappingHouses(ctx.db, ctx.actor, input)),
  unassigned: manage
    .input(ZTerritoryHousesPageInput)
    .output(ZUnassignedOutput)
    .query(({ ctx, input }) => unassignedHouses(ctx.db, ctx.actor, input)),
  schoolsForAddress: lookup
    .input(ZSchoolsForAddressInput)
    .output(ZSchoolsForAddressOutput)
    .query(({ ctx, input }) => schoolsForAddress(ctx.db, ctx.actor, input)),
});
