// Form schemas of forum moderation and consultations, shared by the pages and their actions.
import { z } from "zod";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

export const FLAG_REASONS = ["spam", "abuse", "off_topic", "misinformation", "other"] as const;
export const MAX_REASON_LENGTH = 500;
export const MAX_SUSPENSION_DAYS = 365;
export const MAX_QUESTION_LENGTH = 10_000;
export const MAX_SUMMARY_LENGTH = 20_000;
export const MAX_CONSULTATION_DAYS = 365;

const text = (min: number, max: number, tooShort: string) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required", abort: true })
    .min(min, { error: tooShort })
    .max(max, { error: "errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" });

/** Why a moderator acted: required, and written to the log. */
export const ModerationReasonSchema = text(3, MAX_REASON_LENGTH, "forumModeration.errors.reasonTooShort");

const redirectTo = z.string().max(2000).optional();

export const FlagSchema = z.object({
  postId: IdSchema,
  reason: z.enum(FLAG_REASONS, { error: "forumModeration.errors.chooseReason" }),
  note: z
    .string()
    .trim()
    .max(MAX_REASON_LENGTH, { error: "errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" })
    .optional()
    .transform((v) => v ?? ""),
  redirectTo,
});

export const PostModerationSchema = z.object({
  intent: z.enum(["hide", "restore", "dismiss"], { error: "errors.invalid" }),
  reason: ModerationReasonSchema,
  redirectTo,
});

export const ThreadModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["lock", "unlock", "pin", "unpin"]), reason: ModerationReasonSchema, redirectTo }),
  z.object({
    intent: z.literal("move"),
    categoryId: IdSchema.or(z.undefined()).refine((v) => v !== undefined, { error: "forumModeration.errors.chooseCategory" }),
    reason: ModerationReasonSchema,
    redirectTo,
  }),
]);

export const UserModerationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("suspend"),
    days: z.coerce
      .number({ error: "forumModeration.errors.days" })
      .int({ error: "forumModeration.errors.days" })
      .min(1, { error: "forumModeration.errors.days" })
      .max(MAX_SUSPENSION_DAYS, { error: "forumModeration.errors.days" }),
    reason: ModerationReasonSchema,
    redirectTo,
  }),
  z.object({ intent: z.literal("lift"), reason: ModerationReasonSchema, redirectTo }),
]);

const DAY_MS = 86_400_000;

/** A consultation closes at the end of its closing day (UTC), which must be after today. */
export function closingDateToInstant(date: string) {
  return new Date(`${date}T23:59:59.000Z`);
}

export function newConsultationSchema(now = new Date()) {
  return z.object({
    title: text(5, 150, "forumModeration.errors.titleTooShort"),
    question: text(10, MAX_QUESTION_LENGTH, "forumModeration.errors.questionTooShort"),
    closesOn: z
      .string({ error: "forumModeration.errors.closingDate" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "forumModeration.errors.closingDate", abort: true })
      .refine((v) => !Number.isNaN(closingDateToInstant(v).getTime()) && closingDateToInstant(v).toISOString().startsWith(v), {
        error: "forumModeration.errors.closingDate",
        abort: true,
      })
      .refine((v) => closingDateToInstant(v).getTime() - now.getTime() >= DAY_MS, {
        error: "forumModeration.errors.closingDatePast",
        abort: true,
      })
      .refine((v) => closingDateToInstant(v).getTime() - now.getTime() <= (MAX_CONSULTATION_DAYS + 1) * DAY_MS, {
        error: "forumModeration.errors.closingDateTooFar",
      }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: "errors.invalid" })
      .optional(),
  });
}

export const ConsultationActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("close"),
    // Closing early cannot be undone: the person confirms it (a box without JavaScript, a dialog with it).
    confirm: z
      .boolean({ error: "forumModeration.errors.confirmClose" })
      .refine((confirmed) => confirmed, { error: "forumModeration.errors.confirmClose" }),
    redirectTo,
  }),
  z.object({
    intent: z.literal("summary"),
    summary: text(10, MAX_SUMMARY_LENGTH, "forumModeration.errors.summaryTooShort"),
    // Show the consultation's poll results with the summary.
    citePoll: z.boolean().default(false),
    redirectTo,
  }),
]);
