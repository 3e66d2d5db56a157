// Form schemas of verification: the enterprise's evidence page, the verifier's review page and
// their settings; shared by the pages (checks in the browser) and their actions.
import { z } from "zod";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

const text = (max: number, required = "errors.required") =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: "verification.errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" });

const QuestionIdSchema = z
  .string({ error: "verification.errors.question" })
  .regex(/^[a-z0-9_]{1,64}$/, { error: "verification.errors.question" });

/**
 * A box to tick before a step that discards or settles something. Not marked required in the
 * page, so that the message saying what ticking it means is shown rather than the browser's own.
 */
const confirmed = (message: string) =>
  z
    .string()
    .default("")
    .refine((value) => value === "yes", { error: message });

export const OrganisationSchema = z.object({
  organisation: z
    .string({ error: "errors.required" })
    .trim()
    .min(2, { error: "verification.errors.organisationShort" })
    .max(120, { error: "verification.errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" }),
});

/** A message between the verifier and the enterprise, written on either page. */
export const MessageFormSchema = z.object({ intent: z.literal("message"), body: text(4000) });

export const EvidenceLinkFormSchema = z.object({
  intent: z.literal("link"),
  questionId: QuestionIdSchema,
  url: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(500, { error: "verification.errors.badLink" })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      },
      { error: "verification.errors.badLink" },
    ),
});

/** The evidence page's forms other than the upload, which is read as it streams in (EvidenceUploadSchema). */
export const EvidenceActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("request") }),
    EvidenceLinkFormSchema,
    z.object({ intent: z.literal("remove"), itemId: IdSchema }),
    MessageFormSchema,
  ],
  { error: "verification.errors.unknown" },
);

/** The fields that come with an uploaded file. */
export const EvidenceUploadSchema = z.object({ questionId: QuestionIdSchema });

export const AcceptRestFormSchema = z.object({ intent: z.literal("accept-rest"), confirm: confirmed("verification.errors.confirmRest") });
export const ReleaseFormSchema = z.object({ intent: z.literal("release"), confirm: confirmed("verification.errors.confirmRelease") });

/**
 * The review page's forms. A changed answer (`q.<question>` and `na.<question>`) is read against
 * the methodology by the model, so only its reason is checked here.
 */
export const ReviewActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept"), questionId: QuestionIdSchema }),
    z.object({ intent: z.literal("change"), questionId: QuestionIdSchema, reason: text(2000, "verification.errors.reasonRequired") }),
    AcceptRestFormSchema,
    z.object({ intent: z.literal("complete") }),
    ReleaseFormSchema,
    MessageFormSchema,
  ],
  { error: "verification.errors.unknown" },
);
