// Sign-in input, shared by the login form (inline messages) and the server.
import { z } from "zod";

export const LOGIN_MAX = 64;
export const PASSWORD_MAX = 256;

export const ZSignInInput = z.object({
  login: z
    .string()
    .trim()
    .min(1, "Введите логин")
    .max(LOGIN_MAX, `Логин не длиннее ${LOGIN_MAX} символов`),
  password: z
    .string()
    .min(1, "Введите пароль")
    .max(PASSWORD_MAX, `Пароль не длиннее ${PASSWORD_MAX} символов`),
});
export type SignInInput = z.infer<typeof ZSignInInput>;

/** Second sign-in step: a 6-digit TOTP code or a recovery code (xxxxx-xxxxx). */
export const ZSecondFactorInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Введите код")
    .max(32, "Код не длиннее 32 символов")
    .regex(/^(\d{6}|[a-zA-Z0-9]{5}-?[a-zA-Z0-9]{5})$/, "Введите 6 цифр из приложения или резервный код вида xxxxx-xxxxx"),
});

export const ZConfirmTotpInput = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "Введите 6 цифр из приложения"),
});

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Введите текущий пароль").max(PASSWORD_MAX, `Пароль не длиннее ${PASSWORD_MAX} символов`),
    newPassword: z.string().min(12, "Пароль должен быть не короче 12 символов").max(PASSWORD_MAX, `Пароль не длиннее ${PASSWORD_MAX} символов`),
    repeatPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { path: ["repeatPassword"], message: "Пароли не совпадают" });
