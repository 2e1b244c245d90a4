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
