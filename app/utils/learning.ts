// Shared by server and browser: what a learning resource is made of, and the forms that write one.
import { z } from "zod";
import { currentMethodology } from "../../scoring";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { COUNTRY_CODES } from "~/utils/reference-data";
import { hasNoControlCharacters } from "~/utils/validation";

export const LEARNING_FORMATS = ["guide", "template", "case_study", "course"] as const;
export type LearningFormatName = (typeof LEARNING_FORMATS)[number];
export const LEARNING_LEVELS = ["beginner", "intermediate", "advanced"] as const;

/** The dimensions and questions resources are tied to: those of the current methodology. */
export const LEARNING_DIMENSIONS = currentMethodology.dimensions.map((d) => d.id);
export const LEARNING_QUESTIONS = currentMethodology.questions.map((q) => ({ id: q.id, dimension: q.dimension }));
const QUESTION_IDS = new Set(LEARNING_QUESTIONS.map((q) => q.id));

/** The dimension a question of the current methodology belongs to. */
export const questionDimension = (id: string) => LEARNING_QUESTIONS.find((q) => q.id === id)?.dimension;

export const LEARNING_TITLE_MAX = 160;
export const LEARNING_SUMMARY_MAX = 400;
export const LEARNING_BODY_MAX = 40_000;

const text = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(max, { error: "errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" });

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** A resource's facts and one language version of it (creating a resource, or editing one in a language). */
export const LearningResourceSchema = z
  .object({
    language: z.enum(SUPPORTED_LANGUAGES, { error: "errors.invalid" }),
    title: text(LEARNING_TITLE_MAX),
    summary: text(LEARNING_SUMMARY_MAX),
    body: text(LEARNING_BODY_MAX),
    format: z.enum(LEARNING_FORMATS, { error: "errors.required" }),
    level: z.enum(LEARNING_LEVELS, { error: "errors.required" }),
    country: z.enum(COUNTRY_CODES, { error: "errors.invalid" }).optional(),
    dimensions: list(z.enum(LEARNING_DIMENSIONS as [string, ...string[]], { error: "errors.invalid" })),
    questionIds: list(z.string().refine((id) => QUESTION_IDS.has(id), { error: "errors.invalid" })),
  })
  .refine((value) => value.dimensions.length > 0 || value.questionIds.length > 0, {
    error: "learning.errors.noTopic",
    path: ["dimensions"],
  });

export const LearningFiltersSchema = z.object({
  dimension: z
    .enum(LEARNING_DIMENSIONS as [string, ...string[]])
    .optional()
    .catch(undefined),
  language: z.enum(SUPPORTED_LANGUAGES).optional().catch(undefined),
  format: z.enum(LEARNING_FORMATS).optional().catch(undefined),
  country: z.enum(COUNTRY_CODES).optional().catch(undefined),
  question: z
    .string()
    .refine((id) => QUESTION_IDS.has(id))
    .optional()
    .catch(undefined),
});
export type LearningFilters = z.infer<typeof LearningFiltersSchema>;

/** The filters of a /learn address (anything unknown is ignored). */
export function learningFiltersOf(params: URLSearchParams): LearningFilters {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  return LearningFiltersSchema.parse(raw);
}
