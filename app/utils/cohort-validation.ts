// Shared by server and browser: the forms of cohorts.
import { z } from "zod";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

const day = z
  .string({ error: "errors.required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.invalid" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: "errors.invalid",
  });

export const CohortSchema = z
  .object({
    name: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, { error: "errors.required" })
      .max(120, { error: "errors.tooLong" })
      .refine(hasNoControlCharacters, { error: "errors.invalid" }),
    startsOn: day,
    endsOn: day,
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: "cohorts.errors.endsBeforeStart", path: ["endsOn"] });

export const InviteSchema = z.object({ intent: z.literal("invite"), enterpriseId: IdSchema });

export const CohortAnswerSchema = z.object({
  intent: z.enum(["accept", "decline", "leave"], { error: "errors.invalid" }),
  memberId: IdSchema,
});

export const PlanItemSchema = z.object({
  intent: z.enum(["done", "undone"]),
  questionId: z.string().regex(/^[a-z0-9_]{1,64}$/, { error: "errors.invalid" }),
});
