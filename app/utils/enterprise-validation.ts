import { z } from "zod";
import { BENEFICIARY_GROUPS, COUNTRY_CODES, isRegionOf, LEGAL_FORMS, SECTORS } from "~/utils/reference-data";
import { frameworkOf } from "~/utils/legal-frameworks";
import { SLUG_PATTERN } from "~/utils/slug";
import { checkTaxId } from "~/utils/tax-id";
import { hasNoControlCharacters } from "~/utils/validation";

// Messages are translation keys; the form shows them in the user's language.
const requiredText = (min: number, max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(min, { error: min <= 1 ? "errors.required" : "errors.tooShort" })
    .max(max, { error: "errors.tooLong" })
    .refine(hasNoControlCharacters, { error: "errors.invalid" });

export const EnterpriseSchema = z
  .object({
    name: requiredText(2, 120),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, { error: "errors.slugInvalid" })
      .max(60, { error: "errors.slugInvalid" })
      .regex(SLUG_PATTERN, { error: "errors.slugInvalid" })
      .optional(),
    legalForm: z.enum(LEGAL_FORMS, { error: "errors.chooseOne" }),
    country: z.enum(COUNTRY_CODES, { error: "errors.chooseOne" }),
    region: z.string({ error: "errors.chooseOne" }),
    city: requiredText(1, 80),
    sector: z.enum(SECTORS, { error: "errors.chooseOne" }),
    foundedYear: z
      .number({ error: "errors.number" })
      .int({ error: "errors.wholeNumber" })
      .min(1900, { error: "errors.yearRange" })
      .max(new Date().getFullYear(), { error: "errors.yearRange" }),
    employees: z
      .number({ error: "errors.number" })
      .int({ error: "errors.wholeNumber" })
      .min(0, { error: "errors.notNegative" })
      .max(1_000_000, { error: "errors.tooLarge" }),
    womenLed: z.boolean().default(false),
    youthLed: z.boolean().default(false),
    description: requiredText(10, 2000),
    mission: requiredText(10, 1000),
    website: z
      .url({ protocol: /^https?$/, error: "errors.url" })
      .max(300, { error: "errors.tooLong" })
      .optional(),
    sdgs: z
      .array(z.number({ error: "errors.chooseOne" }).int().min(1, { error: "errors.chooseOne" }).max(17, { error: "errors.chooseOne" }))
      .default([])
      .transform((values) => [...new Set(values)].sort((a, b) => a - b)),
    beneficiaryGroups: z
      .array(z.enum(BENEFICIARY_GROUPS, { error: "errors.chooseOne" }))
      .default([])
      .transform((values) => [...new Set(values)]),
    // Checked against the chosen country below; stored as digits only (normaliseTaxId).
    taxId: z.string().trim().max(40, { error: "errors.tooLong" }).optional(),
    socialRegisterNumber: z
      .string()
      .trim()
      .max(40, { error: "errors.tooLong" })
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./№#-]*$/u, { error: "legal:form.errors.registerNumber" })
      .optional(),
    socialRegisteredOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "legal:form.errors.registerDate" })
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && value <= new Date().toISOString().slice(0, 10), {
        error: "legal:form.errors.registerDate",
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRegionOf(value.country, value.region)) {
      ctx.addIssue({ code: "custom", path: ["region"], message: "errors.regionOfCountry" });
    }
    if (value.taxId) {
      const check = checkTaxId(value.country, value.taxId);
      if (!check.ok) {
        const message = { notDigits: "taxIdNotDigits", length: "taxIdLength", checkDigit: "taxIdCheckDigit" }[check.problem];
        ctx.addIssue({ code: "custom", path: ["taxId"], message: `legal:form.errors.${message}` });
      }
    }
    if (value.socialRegisterNumber && !frameworkOf(value.country)?.hasRegister) {
      ctx.addIssue({ code: "custom", path: ["socialRegisterNumber"], message: "legal:form.errors.noRegisterInCountry" });
    }
    if (value.socialRegisteredOn && !value.socialRegisterNumber) {
      ctx.addIssue({ code: "custom", path: ["socialRegisterNumber"], message: "legal:form.errors.registerDateWithoutNumber" });
    }
  });

export type EnterpriseInput = z.infer<typeof EnterpriseSchema>;

export const AddMemberSchema = z.object({
  intent: z.literal("add-member"),
  email: z.email({ error: "errors.email" }),
});
