// Account management input, shared by the admin forms and the server.
import { z } from "zod";
import { ROLES, SCOPE_KINDS } from "@/lib/roles";

export const PASSWORD_MIN = 12;

const zLogin = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Логин не короче 3 символов")
  .max(64, "Логин не длиннее 64 символов")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Логин: латинские буквы, цифры, точка, дефис, подчёркивание");

const zFullName = z.string().trim().min(3, "Укажите ФИО полностью").max(200, "ФИО не длиннее 200 символов");

const zPassword = z
  .string()
  .min(PASSWORD_MIN, `Пароль не короче ${PASSWORD_MIN} символов`)
  .max(256, "Пароль не длиннее 256 символов");

const zOptionalId = z.uuid("Выберите значение из списка").nullish();

const zScope = {
  role: z.enum(ROLES, "Выберите роль"),
  scopeKind: z.enum(SCOPE_KINDS, "Выберите область доступа"),
  municipalityId: zOptionalId,
  organisationId: zOptionalId,
};

export const ZCreateUserInput = z.object({ login: zLogin, fullName: zFullName, password: zPassword, ...zScope });
export type CreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({
  id: z.uuid(),
  fullName: zFullName,
  ...zScope,
  /** Empty keeps the current password. */
  newPassword: zPassword.optional().or(z.literal("").transform(() => undefined)),
});
export type UpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZListUsersInput = z.object({
  search: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const ZSetUserActiveInput = z.object({ id: z.uuid(), active: z.boolean() });
