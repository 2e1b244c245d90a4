// E-journal reads: the classes of its organisation and a class's learners,
// identity subset only (names, birth date, sex) — no SNILS, documents,
// addresses or health.
import type { z } from "zod";
import type { ZApiClassLearners, ZApiClassList } from "@/lib/schemas/api/ejournal";
import type { DbTx } from "../../db";
import type { MachineClientActor } from "../machine-clients/authenticate";
import { answer, refuse, type ApiServiceResult } from "./api-result";

const HELD = ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function listJournalClasses(
  tx: DbTx,
  client: MachineClientActor,
  academicYear: number | undefined,
): Promise<ApiServiceResult<z.infer<typeof ZApiClassList>>> {
  const organisationId = client.organisationId!;
  const rows = await tx.schoolClass.findMany({
    where: { organisationId, ...(academicYear === undefined ? {} : { academicYear }) },
    select: {
      id: true,
      academicYear: true,
      grade: true,
      letter: true,
      programmeId: true,
      _count: { select: { enrolments: { where: { status: { in: HELD } } } } },
    },
    orderBy: [{ academicYear: "desc" }, { grade: "asc" }, { letter: "asc" }],
  });
  const classes = rows.map(({ _count, ...c }) => ({ ...c, learnerCount: _count.enrolments }));
  return answer({ classes }, [], { classes: classes.length, academicYear: academicYear ?? null });
}

export async function listJournalClassLearners(
  tx: DbTx,
  client: MachineClientActor,
  classId: string,
): Promise<ApiServiceResult<z.infer<typeof ZApiClassLearners>>> {
  // Another organisation's class answers exactly as a missing one.
  const schoolClass = await tx.schoolClass.findFirst({ where: { id: classId, organisationId: client.organisationId! }, select: { id: true } });
  if (!schoolClass) return refuse("CLASS_NOT_FOUND", [], { classId });
  const learners = await tx.learner.findMany({
    where: { enrolments: { some: { classId, organisationId: client.organisationId!, status: { in: HELD } } } },
    select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, sex: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
  });
  return answer(
    { classId, learners: learners.map((l) => ({ ...l, birthDate: isoDay(l.birthDate) })) },
    learners.map((l) => l.id),
    { classId },
  );
}
