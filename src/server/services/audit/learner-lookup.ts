// The auditor's narrow learner lookup: enough to pick the learner a request
// is about (name, birth date, current organisation), nothing more. The lookup
// is itself audited, with the learners it returned.
import { snilsWhere } from "../person/identity-fields";
import { nameSelect } from "../learners/learner-views";
import { z } from "zod";
import type { LookupLearnerInput } from "@/lib/schemas/access-reports";
import { normalizeSnils } from "@/lib/validators/snils";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { likeLiteral } from "../../db/like";

const MAX_MATCHES = 20;

export const ZLookupLearnerRow = z.object({
  id: z.string(),
  fullName: z.string(),
  birthDate: z.date(),
  organisation: z.string().nullable(),
});

export const fullNameOf = (l: { lastName: string; firstName: string; middleName: string | null }) =>
  [l.lastName, l.firstName, l.middleName].filter(Boolean).join(" ");

export async function lookupLearnerForAudit(db: Db, actor: Actor, input: LookupLearnerInput, ip: string | null) {
  const snils = input.snils ? normalizeSnils(input.snils) : null;
  const where = snils
    ? snilsWhere(snils)
    : {
        lastName: { equals: likeLiteral(input.lastName ?? ""), mode: "insensitive" as const },
        ...(input.firstName ? { firstName: { equals: likeLiteral(input.firstName), mode: "insensitive" as const } } : {}),
        birthDate: new Date(`${input.birthDate}T00:00:00Z`),
      };
  return db.$transaction(async (tx) => {
    const found = await tx.learner.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: MAX_MATCHES,
      select: {
        ...nameSelect,
        enrolments: {
          where: { status: { not: "ENDED" } },
          orderBy: [{ isBasic: "desc" }, { enrolledAt: "desc" }],
          take: 1,
          select: { organisation: { select: { shortName: true } } },
        },
      },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "audit.learner.lookup",
      details: { by: snils ? "snils" : "name+birthDate", count: found.length },
      learnerIds: found.map((l) => l.id),
    });
    return found.map((l) => ({
      id: l.id,
      fullName: fullNameOf(l),
      birthDate: l.birthDate,
      organisation: l.enrolments[0]?.organisation.shortName ?? null,
    }));
  });
}
