// Registering a machine client (admin portal → Машинные клиенты). Shared by
// the form and the procedure.
import { z } from "zod";

export const MACHINE_CLIENT_KINDS = ["E_JOURNAL", "PUBLIC_SERVICES", "FEDERAL_SEGMENT"] as const;
export type MachineClientKind = (typeof MACHINE_CLIENT_KINDS)[number];

export const ZRegisterClientInput = z
  .object({
    name: z.string({ error: "Укажите название" }).trim().min(3, "Название не короче 3 символов").max(200, "Не длиннее 200 символов"),
    kind: z.enum(MACHINE_CLIENT_KINDS, "Выберите вид клиента"),
    organisationId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Выберите организацию").nullish()),
    rateLimitPerMinute: z.coerce
      .number({ error: "Укажите число запросов в минуту" })
      .int("Целое число запросов в минуту")
      .min(1, "От 1 до 100000 запросов в минуту")
      .max(100_000, "От 1 до 100000 запросов в минуту")
      .default(120),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "E_JOURNAL" && !v.organisationId) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Электронный журнал работает для одной организации: выберите её" });
    }
  })
  .transform((v) => ({ ...v, organisationId: v.kind === "E_JOURNAL" ? v.organisationId! : null }));
export type RegisterClientInput = z.infer<typeof ZRegisterClientInput>;
