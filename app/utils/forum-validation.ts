// Forum form schemas, shared by the pages (client-side checks) and their actions.
import { z } from "zod";
import {
  MAX_POST_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  MIN_TITLE_LENGTH,
  normaliseTag,
  TAG_PATTERN,
} from "~/utils/forum-limits";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

export const TitleSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(MIN_TITLE_LENGTH, { error: "forum.errors.titleTooShort" })
  .max(MAX_TITLE_LENGTH, { error: "forum.errors.titleTooLong" })
  .refine(hasNoControlCharacters, { error: "errors.invalid" });

export const BodySchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(2, { error: "forum.errors.bodyTooShort" })
  .max(MAX_POST_LENGTH, { error: "forum.errors.bodyTooLong" })
  .refine(hasNoControlCharacters, { error: "errors.invalid" });

/** Tags typed as one comma-separated field: "funding, Almaty" becomes ["funding", "almaty"]. */
export const TagsSchema = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? "").split(/[,،]/).map(normaliseTag).filter(Boolean))])
  .superRefine((tags, ctx) => {
    // Reported on the field itself (not on one tag), so the message shows next to it.
    if (tags.length > MAX_TAGS) ctx.addIssue({ code: "custom", message: "forum.errors.tooManyTags" });
    else if (tags.some((tag) => tag.length > MAX_TAG_LENGTH)) ctx.addIssue({ code: "custom", message: "forum.errors.tagTooLong" });
    else if (tags.some((tag) => !TAG_PATTERN.test(tag))) ctx.addIssue({ code: "custom", message: "forum.errors.tagInvalid" });
  });

/** The language a post is written in, as its author chose it; absent ("detect automatically") to guess it from the text. */
export const PostLanguageSchema = z.enum(SUPPORTED_LANGUAGES, { error: "errors.chooseOne" }).optional();

export const NewThreadSchema = z.object({
  categoryId: IdSchema.or(z.undefined()).refine((v) => v !== undefined, { error: "forum.errors.chooseCategory" }),
  title: TitleSchema,
  body: BodySchema,
  tags: TagsSchema,
  enterpriseId: IdSchema.optional(),
  language: PostLanguageSchema,
});

export const ThreadActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: BodySchema, replyTo: IdSchema.optional(), language: PostLanguageSchema }),
  z.object({ intent: z.literal("edit"), postId: IdSchema, body: BodySchema, title: TitleSchema.optional(), language: PostLanguageSchema }),
  z.object({ intent: z.literal("delete"), postId: IdSchema }),
  z.object({ intent: z.literal("helpful"), postId: IdSchema }),
  z.object({ intent: z.literal("subscribe") }),
  z.object({ intent: z.literal("unsubscribe") }),
]);

/** The `page` of a thread's posts in a page's address: a positive whole number, the first page when absent. */
export const PostPageSchema = z
  .string()
  .regex(/^[1-9]\d{0,6}$/)
  .default("1")
  .transform(Number);
