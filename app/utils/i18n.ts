// Shared by server and browser: which languages exist and how they are written.
export const SUPPORTED_LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "en";

/** Right-to-left languages the region needs (Dari, Pashto); listed now so `dir` follows when they are added. */
const RTL_LANGUAGES = new Set(["fa", "prs", "ps", "ar"]);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ru: "Русский" };

export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: "common",
  interpolation: { escapeValue: false },
};

/** Picks the text of a `{ en, ru }` record in the user's language, falling back to English. */
export function localized(text: { en: string; ru?: string } & Partial<Record<string, string>>, language: string): string {
  return text[language] ?? text.en;
}
