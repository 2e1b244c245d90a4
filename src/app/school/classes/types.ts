// Row shapes of the page, as the procedures' output schemas declare them.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Out = inferRouterOutputs<AppRouter>["school"]["programmes"];
export type ProgrammeRow = Out["list"][number];
export type ClassRow = Out["classes"][number];

/** «5«В»», the way a class is named in orders and lists. */
export const classLabel = (c: { grade: number; letter: string }) => `${c.grade}«${c.letter}»`;
