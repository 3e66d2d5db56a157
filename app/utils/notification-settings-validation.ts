import { z } from "zod";
import { COUNTRY_CODES } from "~/utils/reference-data";

export const FORUM_EMAIL_FREQUENCIES = ["immediately", "daily", "never"] as const;

/** /settings/notifications: how forum news arrives, which other e-mails come, whose consultations. */
export const NotificationSettingsSchema = z.object({
  forum: z.enum(FORUM_EMAIL_FREQUENCIES, { error: "errors.chooseOne" }),
  verification: z.boolean().default(false),
  consultations: z.boolean().default(false),
  contributions: z.boolean().default(false),
  mentorship: z.boolean().default(false),
  countries: z
    .array(z.enum(COUNTRY_CODES, { error: "errors.chooseOne" }))
    .default([])
    .transform((values) => [...new Set(values)]),
});
