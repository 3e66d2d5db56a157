import { z } from "zod";
import { hasNoControlCharacters } from "~/utils/validation";

const text = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(max, { error: "verification.errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" });

export const OrganisationSchema = z.object({
  organisation: z
    .string({ error: "errors.required" })
    .trim()
    .min(2, { error: "verification.errors.organisationShort" })
    .max(120, { error: "verification.errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" }),
});

export const MessageSchema = z.object({ body: text(4000) });

export const ReasonSchema = text(2000);

export const EvidenceLinkSchema = z.object({
  questionId: z.string({ error: "verification.errors.question" }).regex(/^[a-z0-9_]{1,64}$/, { error: "verification.errors.question" }),
  url: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(500, { error: "verification.errors.badLink" })
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, { error: "verification.errors.badLink" }),
});
