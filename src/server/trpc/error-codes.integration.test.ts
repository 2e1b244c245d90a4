// Errors a person sees, through the real /api/trpc handler: a stable code from
// the catalogue (src/messages/errors-*.ts), the field path kept, and the text
// in the reader's language (kt-locale cookie), Russian by default.
import { NextRequest } from "next/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookieName } from "../auth/options";
import { handleTrpc } from "../http/trpc-handler";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";
import { sessionToken } from "../testing/sessions";

vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const ORIGIN = "http://localhost:3000";

interface ErrorBody {
  error: {
    json: {
      message: string;
      data: {
        code: string;
        errorCode: string | null;
        field: string | null;
        zodError: { issues: { path: string; code: string | null; message: string }[]; fieldErrors: Record<string, string[]> } | null;
      };
    };
  };
}

const badLearner = {
  learner: { lastName: "Тестова", firstName: "Анна", birthDate: "2016-04-12", sex: "FEMALE", snils: "112-233-445 96", citizenship: "643" },
  enrolment: { level: "PRIMARY", grade: "3", enrolledAt: "2024-09-01" },
  representatives: [],
};

describeDb("error codes and languages over /api/trpc", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let session: string;
  const call = async (path: string, input: unknown, locale?: "en" | "ru") => {
    const cookie = `${sessionCookieName()}=${session}${locale ? `; kt-locale=${locale}` : ""}`;
    const res = await handleTrpc(
      new NextRequest(`${ORIGIN}/api/trpc/${path}?batch=1`, {
        method: "POST",
        headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ 0: superjson.serialize(input) }),
      }),
      db.prisma,
    );
    const [body] = (await res.json()) as [ErrorBody];
    return { status: res.status, error: body.error.json };
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    session = await sessionToken(db.prisma, "school.registrar");
  });
  afterAll(() => db?.close());

  describe("a learner with a wrong SNILS", () => {
    it("is refused with the code on its field, in Russian by default", async () => {
      const { status, error } = await call("learners.create", badLearner);
      expect(status).toBe(400);
      expect(error.data.zodError?.issues).toContainEqual({ path: "learner.snils", code: "snils.checksum", message: "Неверная контрольная сумма СНИЛС" });
    });

    it("reads in English under the English locale, same code and field", async () => {
      const { error } = await call("learners.create", badLearner, "en");
      expect(error.data.zodError?.issues).toContainEqual({ path: "learner.snils", code: "snils.checksum", message: "Wrong SNILS check digits" });
      expect(error.data.zodError?.fieldErrors.learner).toContain("Wrong SNILS check digits");
    });

    it("localises zod's own messages too", async () => {
      const { error } = await call("learners.create", { ...badLearner, learner: { ...badLearner.learner, lastName: "" } }, "en");
      expect(error.data.zodError?.issues).toContainEqual({ path: "learner.lastName", code: "field.required", message: "Enter the last name" });
    });
  });

  it("sends a domain refusal with its code, in the reader's language", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const ru = await call("learners.addRepresentative", { learnerId: missing, representative: { relation: "MOTHER", lastName: "Тестова", firstName: "Ольга", citizenship: "643" } });
    const en = await call("learners.addRepresentative", { learnerId: missing, representative: { relation: "MOTHER", lastName: "Тестова", firstName: "Ольга", citizenship: "643" } }, "en");
    expect(ru.status).toBe(404);
    expect(ru.error.data.errorCode).toBeTruthy();
    expect(en.error.data.errorCode).toBe(ru.error.data.errorCode);
    expect(ru.error.message).toMatch(/[А-Яа-я]/);
    expect(en.error.message).not.toMatch(/[А-Яа-я]/);
  });
});
