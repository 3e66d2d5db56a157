// Form schemas of forum polls, shared by the pages (checks in the browser) and their actions: the poll's
// fields on the new-thread and new-consultation forms (optional there) and on the poll's own form, and
// the vote and close forms.
import { z } from "zod";
import {
  closingDateToInstant,
  MAX_CONSULTATION_DAYS,
  ModerationReasonSchema,
  newConsultationSchema,
} from "~/utils/forum-moderation-validation";
import {
  MAX_POLL_OPTION_LENGTH,
  MAX_POLL_OPTIONS,
  MAX_POLL_QUESTION_LENGTH,
  MIN_POLL_OPTIONS,
  MIN_POLL_QUESTION_LENGTH,
  pollOptionLines,
} from "~/utils/forum-poll";
import { NewThreadSchema } from "~/utils/forum-validation";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

const DAY_MS = 86_400_000;

/** Who sees the results: everyone at any time, or only those who voted until the poll closes. */
export const POLL_RESULTS_VISIBILITY = ["always", "after_vote"] as const;

/** What a valid poll form gives the model. */
export interface PollInput {
  question: string;
  options: string[];
  multipleChoice: boolean;
  /** The end of the closing day (UTC), or null for a poll that closes only early or with its consultation. */
  closesAt: Date | null;
  resultsBeforeVote: boolean;
}

const plainText = (max: number) =>
  z.string().trim().max(max, { error: "errors.tooLong" }).refine(hasNoControlCharacters, { error: "errors.invalid" }).optional();

/** The poll's fields, named `poll…` so they sit beside a thread's or consultation's own. */
export const POLL_FIELDS = {
  pollQuestion: plainText(MAX_POLL_QUESTION_LENGTH),
  pollOptions: plainText(MAX_POLL_OPTIONS * (MAX_POLL_OPTION_LENGTH + 10)),
  pollMultiple: z.boolean().default(false),
  pollClosesOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "forumModeration.errors.closingDate" })
    .optional(),
  pollResults: z.enum(POLL_RESULTS_VISIBILITY, { error: "errors.chooseOne" }).default("always"),
};

type PollFieldValues = {
  pollQuestion?: string;
  pollOptions?: string;
  pollMultiple: boolean;
  pollClosesOn?: string;
  pollResults: (typeof POLL_RESULTS_VISIBILITY)[number];
};

/**
 * The checks across the poll's fields. `required`: the poll's own form; otherwise the poll is optional
 * and left out when its question and options are both empty. `latestClose`: a consultation's closing
 * instant, which the poll may not outlast.
 */
export function checkPollFields(
  value: PollFieldValues,
  ctx: z.RefinementCtx,
  { required, now, latestClose }: { required: boolean; now: Date; latestClose?: Date | null },
) {
  const question = value.pollQuestion ?? "";
  const options = pollOptionLines(value.pollOptions ?? "");
  if (!required && !question && options.length === 0) return;
  const issue = (path: keyof PollFieldValues, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!question) issue("pollQuestion", required ? "errors.required" : "forumPoll.errors.questionRequired");
  else if (question.length < MIN_POLL_QUESTION_LENGTH) issue("pollQuestion", "forumPoll.errors.questionTooShort");
  if (options.length < MIN_POLL_OPTIONS) issue("pollOptions", "forumPoll.errors.tooFewOptions");
  else if (options.length > MAX_POLL_OPTIONS) issue("pollOptions", "forumPoll.errors.tooManyOptions");
  else if (options.some((option) => option.length > MAX_POLL_OPTION_LENGTH)) issue("pollOptions", "forumPoll.errors.optionTooLong");
  else if (new Set(options.map((option) => option.toLocaleLowerCase())).size !== options.length)
    issue("pollOptions", "forumPoll.errors.repeatedOption");
  // A date in the wrong shape has its message from the field's own check.
  if (value.pollClosesOn && /^\d{4}-\d{2}-\d{2}$/.test(value.pollClosesOn)) {
    const closesAt = closingDateToInstant(value.pollClosesOn);
    if (Number.isNaN(closesAt.getTime()) || !closesAt.toISOString().startsWith(value.pollClosesOn))
      issue("pollClosesOn", "forumModeration.errors.closingDate");
    else if (closesAt.getTime() - now.getTime() < DAY_MS) issue("pollClosesOn", "forumModeration.errors.closingDatePast");
    else if (latestClose && closesAt.getTime() > latestClose.getTime()) issue("pollClosesOn", "forumPoll.errors.afterConsultation");
    else if (closesAt.getTime() - now.getTime() > (MAX_CONSULTATION_DAYS + 1) * DAY_MS)
      issue("pollClosesOn", "forumPoll.errors.closingDateTooFar");
  }
}

/** The poll a successfully checked form describes, or null when its poll fields were left empty. */
export function pollInputOf(value: PollFieldValues): PollInput | null {
  const options = pollOptionLines(value.pollOptions ?? "");
  if (!value.pollQuestion && options.length === 0) return null;
  return {
    question: value.pollQuestion ?? "",
    options,
    multipleChoice: value.pollMultiple,
    closesAt: value.pollClosesOn ? closingDateToInstant(value.pollClosesOn) : null,
    resultsBeforeVote: value.pollResults === "always",
  };
}

/** The form's starting values: those of an existing poll (to change it), or of a new one. */
export function pollFieldDefaults(
  poll: {
    question: string;
    options: { label: string }[];
    multipleChoice: boolean;
    closesAt: Date | string | null;
    resultsBeforeVote: boolean;
  } | null,
): { pollQuestion?: string; pollOptions?: string; pollMultiple?: string; pollClosesOn?: string; pollResults: string } {
  if (!poll) return { pollResults: "always" };
  return {
    pollQuestion: poll.question,
    pollOptions: poll.options.map((option) => option.label).join("\n"),
    pollMultiple: poll.multipleChoice ? "on" : undefined,
    pollClosesOn: poll.closesAt ? new Date(poll.closesAt).toISOString().slice(0, 10) : undefined,
    pollResults: poll.resultsBeforeVote ? "always" : "after_vote",
  };
}

/** The poll's own form (adding a poll to a thread, or changing it before anyone votes). */
export function pollFormSchema({ now = new Date(), latestClose = null }: { now?: Date; latestClose?: Date | null } = {}) {
  return z.object(POLL_FIELDS).superRefine((value, ctx) => checkPollFields(value, ctx, { required: true, now, latestClose }));
}

/** A new thread, with a poll when its poll fields are filled in. */
export function newThreadSchema(now = new Date()) {
  return NewThreadSchema.extend(POLL_FIELDS).superRefine((value, ctx) => checkPollFields(value, ctx, { required: false, now }));
}

/** A new consultation, with a poll when its poll fields are filled in; the poll closes with it at the latest. */
export function newConsultationWithPollSchema(now = new Date()) {
  return newConsultationSchema(now)
    .extend(POLL_FIELDS)
    .superRefine((value, ctx) => {
      const closes =
        typeof value.closesOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.closesOn) ? closingDateToInstant(value.closesOn) : null;
      checkPollFields(value, ctx, { required: false, now, latestClose: closes && !Number.isNaN(closes.getTime()) ? closes : null });
    });
}

const redirectTo = z.string().max(2000).optional();

/** Voting (the chosen options; one for a single-choice poll), or a moderator closing the poll early. */
export const PollActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("vote"),
    choice: z
      .array(IdSchema, { error: "forumPoll.errors.chooseOption" })
      .min(1, { error: "forumPoll.errors.chooseOption" })
      .max(MAX_POLL_OPTIONS),
    redirectTo,
  }),
  z.object({ intent: z.literal("close"), reason: ModerationReasonSchema, redirectTo }),
]);
