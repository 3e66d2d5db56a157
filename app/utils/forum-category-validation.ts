// The admin's forum category forms, shared by the page (client-side checks) and its action.
import { z } from "zod";
import { SUPPORTED_LANGUAGES, type Language } from "~/utils/i18n";
import type { LocalizedText } from "~/utils/localized-text";
import { COUNTRY_CODES } from "~/utils/reference-data";
import { slugify } from "~/utils/slug";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

export const CATEGORY_NAME_MAX = 80;
export const CATEGORY_DESCRIPTION_MAX = 300;

const Name = z
  .string({ error: "errors.required" })
  .trim()
  .min(2, { error: "errors.tooShort" })
  .max(CATEGORY_NAME_MAX, { error: "forumAdmin.errors.nameTooLong" })
  .refine(hasNoControlCharacters, { error: "errors.invalid" });

const Description = z
  .string()
  .trim()
  .max(CATEGORY_DESCRIPTION_MAX, { error: "forumAdmin.errors.descriptionTooLong" })
  .refine(hasNoControlCharacters, { error: "errors.invalid" })
  .optional()
  .transform((value) => value ?? "");

/**
 * Addresses under /forum/ that forum pages of their own answer (app/routes/forum_.*): a category
 * with one of these slugs could not be reached at /forum/<slug> or would hide the page. A test
 * beside this file keeps the list in step with the routes.
 */
export const RESERVED_CATEGORY_SLUGS: ReadonlySet<string> = new Set([
  "consultations",
  "flags",
  "moderation",
  "new",
  "posts",
  "search",
  "threads",
]);

export function isReservedCategorySlug(slug: string) {
  return RESERVED_CATEGORY_SLUGS.has(slug);
}

/** One field per language (`name.en`, `name.kk`, … in the form): English as `english` checks it, the others as `other`. */
function perLanguage<English extends z.ZodType, Other extends z.ZodType>(english: English, other: Other) {
  return z.object({
    en: english,
    ru: other,
    kk: other,
    ky: other,
    uz: other,
    tg: other,
    tk: other,
    mn: other,
    "fa-AF": other,
    ps: other,
  } satisfies Record<Language, z.ZodType>);
}

/** The languages that have a text, as stored: a language left empty has no entry (English always has one). */
function presentTexts(texts: Record<string, string | undefined>): LocalizedText {
  const present: LocalizedText = { en: texts.en ?? "" };
  for (const language of SUPPORTED_LANGUAGES) {
    const text = texts[language];
    if (text) present[language] = text;
  }
  return present;
}

// The English name gives the category its address, so it needs letters or digits.
const EnglishName = Name.refine((name) => slugify(name).length > 0, { error: "forumAdmin.errors.nameNeedsLetters" });

const Texts = {
  name: perLanguage(EnglishName, Name.optional()).transform(presentTexts),
  description: perLanguage(Description, Description).transform(presentTexts),
};

export const NewCategorySchema = z
  .object({
    // Only a new category takes its address from the name; renaming keeps the address it has.
    name: perLanguage(
      EnglishName.refine((name) => !isReservedCategorySlug(slugify(name)), { error: "forumAdmin.errors.slugReserved" }),
      Name.optional(),
    ).transform(presentTexts),
    description: Texts.description,
    kind: z.enum(["theme", "country"], { error: "errors.chooseOne" }),
    country: z.enum(COUNTRY_CODES, { error: "errors.chooseOne" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "country" && !value.country) {
      ctx.addIssue({ code: "custom", path: ["country"], message: "forumAdmin.errors.countryRequired" });
    }
  });

export const EditCategorySchema = z.object({ id: IdSchema, ...Texts });

export const MoveCategorySchema = z.object({ id: IdSchema, direction: z.enum(["up", "down"]) });
