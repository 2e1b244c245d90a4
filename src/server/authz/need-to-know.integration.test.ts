// The need-to-know scenarios: what a hostile school, a curious administrator
// and an identity-level role tried, and what each gets now. (The
// administrator's own API client is refused in approvals.integration.test.ts;
// small numbers in the health statistics' tests.)
import { afterAll, beforeAll, expect, it } from "vitest";
import { callApi, registerTestClient } from "../testing/api-clients";
import { callerAs } from "../testing/callers";
import { learnerInput } from "../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { subjectIds } from "../testing/subjects";
import { postJournalGrades } from "../http/api-v1/endpoints";
import { loadSession } from "../auth/actor";
import { exportLearners } from "../services/learners/export-learners";
import { readRows } from "../services/learners/import/read-file";
import { signedInClaims } from "../testing/sessions";

const order = (n: string, date = "2026-10-01") => ({ orderNumber: n, orderDate: date, effectiveDate: date });

describeDb("need-to-know access", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let subjects: Record<string, string> = {};
  let holder: Awaited<ReturnType<typeof callerAs>>;
  let other: Awaited<ReturnType<typeof callerAs>>;
  let child: { id: string; snils: string; birthDate: string };
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    subjects = await subjectIds(db.prisma);
    holder = await callerAs(db.prisma, "school.registrar"); // МБОУ СОШ № 1
    other = await callerAs(db.prisma, "school2.admin"); // МБОУ СОШ № 4
    const input = learnerInput({ acknowledgeDuplicate: true });
    input.learner.birthDate = "2013-04-04";
    input.enrolment = { level: "BASIC", grade: 7, classLetter: "А", enrolledAt: "2023-09-01" };
    child = { id: (await holder.learners.create(input)).id, snils: input.learner.snils!, birthDate: "2013-04-04" };
    await holder.learners.portfolio.addGrade({ learnerId: child.id, academicYear: 2026, subjectId: subjects.MATH!, period: "итоговая", mark: 5 });
    await (await callerAs(db.prisma, "school.medic")).learners.health.record({ learnerId: child.id, data: { recordedAt: "2026-09-01", healthGroup: "III", peGroup: "SPECIAL_A" } });
  });
  afterAll(() => db?.close());

  it("1. a school that knows a SNILS and birth date gets only what an additional programme needs", async () => {
    // A basic enrolment is refused without naming the school that holds the child.
    const basic = other.movement.enrolExisting({ snils: child.snils, birthDate: child.birthDate, placement: { level: "BASIC", grade: 7, classLetter: "Б" }, order: order("1") });
    await expect(basic).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("муниципальный орган") });
    await expect(basic).rejects.not.toMatchObject({ message: expect.stringContaining("СОШ № 1") });

    const { eventId } = await other.movement.enrolExisting({ snils: child.snils, birthDate: child.birthDate, placement: { level: "ADDITIONAL" }, order: order("ДО-1") });
    const card = await other.learners.card({ id: child.id });
    expect(card).toMatchObject({ view: "contacts", relationship: "ADDITIONAL", canWrite: false, stages: ["PERSONAL", "PORTFOLIO"] });
    expect(card.learner.organisation?.id).toBe(db.seeded.organisationIds.school4);
    const text = JSON.stringify(card);
    for (const hidden of ["docNumber", "registrationAddress", "docSeries", db.seeded.organisationIds.school1!]) expect(text).not.toContain(hidden);
    expect(card.view === "contacts" && card.learner.representatives[0]).toEqual(expect.objectContaining({ lastName: "Иванова", phone: "+7 900 123-45-67" }));
    expect(card.view === "contacts" && card.learner.representatives[0]).not.toHaveProperty("snils");

    // No health, nothing another school wrote, no change to personal data or representatives.
    await expect(other.learners.health.get({ learnerId: child.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await other.learners.portfolio.get({ learnerId: child.id })).grades).toEqual([]);
    await expect(other.learners.update({ id: child.id, learner: learnerInput().learner })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const guardian = { relation: "GUARDIAN", lastName: "Самозванцев", firstName: "Опекун", citizenship: "643", isPrimaryContact: true } as const;
    await expect(other.learners.addRepresentative({ learnerId: child.id, representative: guardian })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Its own marks are its own slot: the e-journal never supersedes the basic school's final mark.
    await other.learners.portfolio.addGrade({ learnerId: child.id, academicYear: 2026, subjectId: subjects.COMPUTER_SCIENCE!, period: "итоговая", mark: 4 });
    const journal = await registerTestClient(db.prisma, { kind: "E_JOURNAL", organisationId: db.seeded.organisationIds.school4! });
    const pushed = await callApi(db.prisma, postJournalGrades, {
      method: "post",
      path: "/ejournal/grades",
      token: journal.token,
      body: { grades: [{ journalRecordId: "x-1", learnerId: child.id, academicYear: 2026, subject: "Математика", period: "итоговая", mark: 2 }] },
    });
    expect(pushed.body.results[0]).toMatchObject({ status: "accepted" });
    expect(pushed.body.results[0]).not.toHaveProperty("supersededGradeId");
    const holderView = await (await callerAs(db.prisma, "school.admin")).learners.portfolio.get({ learnerId: child.id });
    expect(holderView.grades.filter((g) => g.subject === "Математика" && !g.superseded).map((g) => g.mark).sort()).toEqual([2, 5]);

    // Its XLSX export of the list carries identity and contacts only for this child.
    const exported = await exportLearners(db.prisma, (await loadSession(db.prisma, await signedInClaims(db.prisma, "school2.admin")))!.actor, { order: "asc", sort: "name" } as never, null);
    const sheet = await readRows(exported.file, "export.xlsx");
    const cell = (r: { cells: unknown[] }, header: string) => String(r.cells[sheet.header.indexOf(header)] ?? "");
    const row = sheet.rows.find((r) => cell(r, "СНИЛС").replace(/\D/g, "") === child.snils.replace(/\D/g, ""))!;
    expect(cell(row, "Фамилия")).toBe("Иванов");
    expect(cell(row, "Представитель: Телефон")).toBe("+7 900 123-45-67");
    for (const hidden of ["Номер документа", "Серия документа", "Адрес регистрации", "Место рождения"]) expect(cell(row, hidden), hidden).toBe("");

    // The holding school sees the additional enrolment in the movement history.
    expect((await holder.movement.trajectory({ learnerId: child.id })).map((e) => e.organisation.id)).toContain(db.seeded.organisationIds.school4);

    // Cancelling the enrolment order ends every access, as if the child did not exist.
    await other.movement.cancel({ learnerId: child.id, eventId, order: order("ДО-2"), reason: "Зачислен ошибочно" });
    await expect(other.learners.card({ id: child.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.learners.portfolio.get({ learnerId: child.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.learners.search({ query: child.snils })).rows).toEqual([]);
  });

  it("3. identity-level roles get the current organisation, class and status, never the orders", async () => {
    for (const login of ["school.medic", "health.officer"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.movement.trajectory({ learnerId: child.id }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      const card = await caller.learners.card({ id: child.id });
      expect(card, login).toMatchObject({ view: "identity", status: "ACTIVE", trajectory: false, learner: { grade: 7, classLetter: "А", organisation: { id: db.seeded.organisationIds.school1 } } });
    }
  });

  it("5. reads are linked to the learner, searches masked, conflicts say no more than the actor may know", async () => {
    await holder.learners.list({ search: "Иванов Пётр", page: 0, pageSize: 20 });
    const list = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.list.read" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(list.details)).not.toMatch(/Иванов|Пётр/);
    expect(list.details).toMatchObject({ filters: { search: "И*** П***" } });

    await holder.movement.rollover.preview();
    const preview = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "movement.rollover.preview" }, orderBy: { id: "desc" } });
    expect(await db.prisma.auditEventLearner.count({ where: { eventId: preview.id, learnerId: child.id } })).toBe(1);

    // The auditor's "who accessed this learner" names the e-journal that pushed a mark in scenario 1.
    const auditor = await callerAs(db.prisma, "auditor");
    const report = await auditor.admin.accessReports.learnerAccess({ learnerId: child.id, page: 0, pageSize: 100 });
    expect(report.rows).toContainEqual(expect.objectContaining({ action: "api.ejournal.grades.push", client: { kind: "E_JOURNAL", name: expect.any(String) }, stage: "portfolio" }));

    // Another school typing the child's SNILS learns neither who holds the child nor their record id.
    const copy = learnerInput({ acknowledgeDuplicate: true });
    copy.learner.snils = child.snils;
    const refused = other.learners.create(copy);
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { existingId: null } } });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringMatching(/СОШ|другой организации/) });
  });

  it("6. a club's own pupil is kept by the club until a school holds the child; then the club only teaches", async () => {
    // School 4 registers a child only in its additional programme: nobody else ever had the child.
    const input = learnerInput({ acknowledgeDuplicate: true });
    input.learner.lastName = "Кружковый";
    input.learner.birthDate = "2016-06-06";
    input.enrolment = { level: "ADDITIONAL", enrolledAt: "2026-09-01" } as never;
    // No representative yet: a data-quality issue that the keeper of the record sees.
    input.representatives = [];
    delete (input as { consent?: unknown }).consent;
    const { id } = await other.learners.create(input);
    expect((await other.school.quality.list()).map((r) => r.learnerId)).toContain(id);
    expect(await other.learners.card({ id })).toMatchObject({ relationship: "HOLDING", view: "personal", canWrite: true });
    await other.learners.update({ id, learner: { ...input.learner, birthPlace: "г. Озёрск" } });

    // A school enrols the child in its basic programme: the club now only teaches.
    await holder.movement.enrolExisting({ snils: input.learner.snils!, birthDate: "2016-06-06", placement: { level: "PRIMARY", grade: 4, classLetter: "А" }, order: order("З-6") });
    expect(await other.learners.card({ id })).toMatchObject({ relationship: "ADDITIONAL", view: "contacts", canWrite: false });
    await expect(other.learners.update({ id, learner: input.learner })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Its data-quality list no longer shows the child's checks (documents, consent, health are the school's).
    expect((await other.school.quality.list()).map((r) => r.learnerId)).not.toContain(id);
    expect((await holder.school.quality.list()).map((r) => r.learnerId)).toContain(id);
  });
});
