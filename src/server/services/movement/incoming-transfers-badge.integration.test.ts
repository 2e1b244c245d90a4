// The badge on the school's «Переводы» item counts only the transfers waiting
// for the caller's own organisation: another school's incoming transfers, the
// caller's outgoing ones and decided ones are not counted, and roles that do
// not decide transfers get zero.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadActor } from "../../auth/actor";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { signedInClaims } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { countPendingIncomingTransfers } from "./transfers";

const order = (n: string) => ({ orderNumber: n, orderDate: "2026-10-01", effectiveDate: "2026-10-01" });

describeDb("incoming transfers badge", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  async function countFor(login: string) {
    const actor = await loadActor(db.prisma, await signedInClaims(db.prisma, login, "127.0.0.1"));
    return countPendingIncomingTransfers(db.prisma, actor!);
  }

  async function startTransferTo(organisationKey: "school4" | "gymn2") {
    const school1 = await callerAs(db.prisma, "school.registrar");
    const input = learnerInput();
    input.enrolment = { level: "BASIC", grade: 5, classLetter: "А", enrolledAt: "2024-09-01" };
    input.acknowledgeDuplicate = true;
    const { id } = await school1.learners.create(input);
    const started = await school1.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds[organisationKey]!, order: order(`${organisationKey}-1`) });
    return { learnerId: id, transferId: started.transferId };
  }

  it("counts the caller's own pending incoming transfers and nothing else", async () => {
    const receiverBefore = await countFor("school2.admin");
    const senderBefore = await countFor("school.admin");

    const toSchool4 = await startTransferTo("school4");
    await startTransferTo("school4");
    await startTransferTo("gymn2"); // another school's incoming transfer

    expect(await countFor("school2.admin")).toBe(receiverBefore + 2);
    // The sender's outgoing transfers are not its incoming ones.
    expect(await countFor("school.admin")).toBe(senderBefore);

    // A decided transfer no longer waits.
    const school4 = await callerAs(db.prisma, "school2.admin");
    await school4.movement.transfers.reject({ learnerId: toSchool4.learnerId, transferId: toSchool4.transferId, reason: "Нет мест в классе" });
    expect(await countFor("school2.admin")).toBe(receiverBefore + 1);
  });

  it("gives zero to roles that do not decide transfers", async () => {
    await startTransferTo("school4");
    for (const login of ["school.medic", "edu.officer", "sys.admin"]) expect(await countFor(login)).toBe(0);
  });
});
