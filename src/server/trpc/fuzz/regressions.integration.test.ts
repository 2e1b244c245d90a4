// Inputs the procedure fuzzer once turned into a 500, kept as plain tests on
// both databases: each must now be a BAD_REQUEST with a Russian message on
// the offending field.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZodError } from "zod";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { subjectIdOf } from "../../testing/subjects";

/** The call's rejection as a BAD_REQUEST from zod, with the issue on `field`. */
async function expectFieldError(call: Promise<unknown>, field: string) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  const issue = (cause as ZodError).issues.find((i) => i.path.join(".") === field);
  expect(issue?.message).toMatch(/[А-Яа-яЁё]/);
}

describeDb("fuzz regressions", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let registrar: Awaited<ReturnType<typeof callerAs>>;
  let learnerId: string;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    registrar = await callerAs(db.prisma, "school.registrar");
    learnerId = (await registrar.learners.create(learnerInput())).id;
  });
  afterAll(() => db?.close());

  // Found by fuzzing: «stateless» is a citizenship, not a country that issues
  // documents, and it overflowed the 3-character docCountry column (P2000 → 500).
  it("a representative's document country «STATELESS» is refused on the field", async () => {
    const call = registrar.learners.addRepresentative({
      learnerId,
      representative: { lastName: "Иванов", firstName: "Иван", citizenship: "643", docType: "FOREIGN_BIRTH_CERTIFICATE", docNumber: "Иванов", docCountry: "STATELESS", relation: "MOTHER" },
    });
    await expectFieldError(call, "representative.docCountry");
  });

  it("a learner's document country «STATELESS» is refused on the field", async () => {
    const input = learnerInput({ learner: { docType: "FOREIGN_PASSPORT", docSeries: "", docNumber: "X123", docCountry: "STATELESS", citizenship: "STATELESS" } });
    await expectFieldError(registrar.learners.create(input), "learner.docCountry");
  });

  // Found by fuzzing: JavaScript's Date rolls 30 February over to 1 March, so
  // «2024-02-30» passed the date check and PostgreSQL refused it (22008 → 500);
  // 31.12.9999 broke the month arithmetic of the movement counts.
  it("a day that does not exist, or outside 1900–2100, is refused on its field", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const medic = await callerAs(db.prisma, "health.officer");
    await expectFieldError(officer.ministry.dashboard.movement({ from: "1990-01-01", to: "2024-02-30" }), "to");
    await expectFieldError(officer.ministry.dashboard.movement({ from: "2023-02-29", to: "2024-01-01" }), "from");
    await expectFieldError(officer.ministry.reports.movement({ from: "2024-01-01", to: "9999-12-31" }), "to");
    await expectFieldError(officer.ministry.reports.oo1({ asOf: "0000-01-01" }), "asOf");
    await expectFieldError(medic.health.stats.counts({ measure: "healthGroup", by: "grade", asOf: "2023-02-29" }), "asOf");
    await expect(officer.ministry.dashboard.movement({ from: "2024-02-01", to: "2024-02-29" })).resolves.toMatchObject({ byType: expect.any(Array) });
  });

  // Found by fuzzing: a NUL character reached PostgreSQL («invalid byte sequence for encoding UTF8: 0x00») → 500.
  it("a NUL character in any text is refused on its field", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    await expectFieldError(officer.ministry.organisations.list({ search: "\u0000" }), "search");
    await expectFieldError(registrar.learners.create(learnerInput({ learner: { docIssuer: "ЗАГС\u0000" } })), "learner.docIssuer");
  });

  // Found by fuzzing: a lone surrogate in the list search reached the audit's JSON
  // («invalid input syntax for type json») → 500.
  it("a lone surrogate in any text is refused on its field", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    await expectFieldError(admin.learners.list({ search: "\ud800" }), "search");
    await expectFieldError(registrar.learners.create(learnerInput({ learner: { birthPlace: "Энск\udc00" } })), "learner.birthPlace");
    // A character outside the BMP (a valid surrogate pair) is still fine.
    await expect(admin.learners.list({ search: "Иванов😀" })).resolves.toMatchObject({ total: 0 });
  });

  // Found by fuzzing (seed 837432466): a subject of "\" reached PostgreSQL as an
  // ILIKE pattern ending in its escape character (22025 → 500). Prisma sends
  // insensitive comparisons unescaped, so "_" and "%" were wildcards too.
  it("a subject, name or search with \\, _ or % is compared as text, not as a LIKE pattern", async () => {
    const year = new Date().getFullYear() - 1;
    // Marks now name their subject by the vocabulary's id (issue 21): such text is refused on its field, not matched.
    await expect(registrar.learners.portfolio.addGrade({ learnerId, academicYear: year, subjectId: "\\", period: "1 четверть", credit: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const math = await subjectIdOf(db.prisma, "MATH");
    await registrar.learners.portfolio.addGrade({ learnerId, academicYear: year, subjectId: math, period: "2 четверть", mark: 5 });
    await expect(registrar.learners.portfolio.addGrade({ learnerId, academicYear: year, subjectId: math, period: "2 четверть", mark: 4 })).rejects.toMatchObject({ code: "CONFLICT" });
    // The school list's first-name prefix and the admin searches take the same path.
    await expect(registrar.learners.list({ search: "Иванов %" })).resolves.toMatchObject({ total: 0 });
    await expect(registrar.learners.list({ search: "Иванов \\" })).resolves.toMatchObject({ total: 0 });
    const admin = await callerAs(db.prisma, "sys.admin");
    await expect(admin.admin.users.list({ search: "%" })).resolves.toMatchObject({ total: 0 });
  });
});
