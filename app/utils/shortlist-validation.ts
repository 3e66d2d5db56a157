import { z } from "zod";
import { hasNoControlCharacters } from "~/utils/validation";

/** A shortlist's name, as typed when making or renaming one. */
export const ShortlistNameSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(80, { error: "errors.tooLong" })
  .refine(hasNoControlCharacters, { error: "errors.invalid" });
