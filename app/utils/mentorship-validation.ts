// Shared by server and browser: the forms of mentorship.
import { z } from "zod";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { LEARNING_DIMENSIONS } from "~/utils/learning";
import { COUNTRY_CODES, SECTORS } from "~/utils/reference-data";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

const text = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(max, { error: "errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" });

const atLeastOne = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).min(1, { error: "mentorship.errors.chooseOne" }),
  );

export const MAX_MENTEES = 10;

export const MentorOfferSchema = z.object({
  bio: text(2000),
  dimensions: atLeastOne(z.enum(LEARNING_DIMENSIONS as [string, ...string[]], { error: "errors.invalid" })),
  sectors: atLeastOne(z.enum(SECTORS, { error: "errors.invalid" })),
  countries: atLeastOne(z.enum(COUNTRY_CODES, { error: "errors.invalid" })),
  languages: atLeastOne(z.enum(SUPPORTED_LANGUAGES, { error: "errors.invalid" })),
  capacity: z.coerce
    .number({ error: "errors.invalid" })
    .int({ error: "errors.invalid" })
    .min(1, { error: "mentorship.errors.capacity" })
    .max(MAX_MENTEES, { error: "mentorship.errors.capacity" }),
  availability: text(300),
});

export const MentorshipRequestSchema = z.object({
  mentorId: IdSchema,
  goals: atLeastOne(z.string().regex(/^[a-z0-9_]{1,64}$/, { error: "errors.invalid" })),
  message: z.string().trim().max(1000, { error: "errors.tooLong" }).refine(hasNoControlCharacters, { error: "errors.invalid" }).default(""),
});

export const SessionSchema = z.object({
  intent: z.literal("session"),
  goalId: z.preprocess((v) => (v === "" ? undefined : v), IdSchema.optional()),
  heldOn: z
    .string({ error: "errors.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.invalid" })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: "errors.invalid" })
    .refine((v) => Date.parse(`${v}T00:00:00Z`) <= Date.now() + 86_400_000, { error: "mentorship.errors.future" }),
  notes: text(4000),
});

export const ReviewSchema = z.object({
  intent: z.literal("end"),
  review: text(2000),
});
