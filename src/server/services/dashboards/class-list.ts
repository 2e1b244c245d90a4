// The last drill-down step: identity rows of one class of one organisation
// (EDU_OFFICER reads PERSONAL), the only per-learner rows of the dashboards.
// Read as one audited event: filters and count, never the names.
import { z } from "zod";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import type { ClassListInput } from "@/lib/schemas/dashboards";
import { resolveDrill } from "./scope";

export const ZClassListOutput = z.object({
  organisation: z.string(),
  learners: z.array(
    z.object({
      id: z.string(),
      lastName: z.string(),
      firstName: z.string(),
      middleName: z.string().nullable(),
      birthDate: z.date(),
      sex: z.enum(["MALE", "FEMALE"]),
      status: z.enum(["ACTIVE", "PENDING_TRANSFER"]),
    }),
  ),
});

export async function listClass(db: Db, actor: Actor, input: ClassListInput, ip: string | null): Promise<z.infer<typeof ZClassListOutput>> {
  return db.$transaction(async (tx) => {
    await resolveDrill(tx, actor, { organisationId: input.organisationId });
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: input.organisationId }, select: { shortName: true } });
    const enrolments = await tx.enrolment.findMany({
      where: { organisationId: input.organisationId, status: { in: ["ACTIVE", "PENDING_TRANSFER"] }, grade: input.grade, classLetter: input.letter || null },
      orderBy: [{ learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }],
      select: { status: true, learner: { select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, sex: true } } },
    });
    // One row per learner even with a basic and an additional enrolment in the class.
    const seen = new Set<string>();
    const learners = enrolments
      .filter((e) => !seen.has(e.learner.id) && seen.add(e.learner.id))
      .map((e) => ({ ...e.learner, status: e.status as "ACTIVE" | "PENDING_TRANSFER" }));
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "dashboard.classlist.read",
      entityType: "Organisation",
      entityId: input.organisationId,
      details: { grade: input.grade, letter: input.letter, count: learners.length },
      learnerIds: learners.map((l) => l.id),
    });
    return { organisation: organisation.shortName, learners };
  });
}
