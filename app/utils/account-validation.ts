import { z } from "zod";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { hasNoControlCharacters } from "~/utils/validation";
import { SIGNUP_ROLES } from "~/utils/roles";

const email = z.email({ error: "errors.email" }).max(254, { error: "errors.tooLong" });
const newPassword = z
  .string({ error: "errors.required" })
  .min(10, { error: "errors.passwordTooShort" })
  .max(200, { error: "errors.tooLong" });

export const SignupSchema = z.object({
  email,
  password: newPassword,
  displayName: z
    .string({ error: "errors.required" })
    .trim()
    .min(2, { error: "errors.tooShort" })
    .max(80, { error: "errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" }),
  language: z.enum(SUPPORTED_LANGUAGES, { error: "errors.chooseOne" }),
  role: z.enum(SIGNUP_ROLES, { error: "errors.chooseOne" }),
});

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "errors.required" }).max(200, { error: "errors.tooLong" }),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "errors.required" }).max(200, { error: "errors.tooLong" }),
    newPassword,
    confirmPassword: z.string({ error: "errors.required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.passwordsDiffer",
  });

export const ForgotPasswordSchema = z.object({ email });

/** A new password chosen from a reset link: the same rules as at sign-up. */
export const ResetPasswordSchema = z
  .object({
    newPassword,
    confirmPassword: z.string({ error: "errors.required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.passwordsDiffer",
  });

/** A new address for the account; the password is asked again. */
export const ChangeEmailSchema = z.object({
  email,
  password: z.string({ error: "errors.required" }).max(200, { error: "errors.tooLong" }),
});
