import { z } from "zod";
import { hasNoControlCharacters } from "~/utils/validation";

/** A shortlist's name, as typed when making or renaming one. */
export const ShortlistNameSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(80, { error: "errors.tooLong" })
  .refine(hasNoControlCharacters, { error: "errors.invalid" });

/**
 * The name the first shortlist gets when an enterprise is shortlisted before any list exists. It is
 * shown in the reader's language (shortlistName), never as stored, until the person renames it.
 */
export const DEFAULT_SHORTLIST_NAME = "My shortlist";

/** A shortlist's name as the reader sees it: the default one in their language. */
export function shortlistName(t: (key: string) => string, name: string) {
  return name === DEFAULT_SHORTLIST_NAME ? t("shortlists.defaultName") : name;
}
