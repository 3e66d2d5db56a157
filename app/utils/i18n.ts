// Shared by server and browser: which languages exist and how they are written.
import { formatNumber, formatVersion } from "~/utils/format";
export const SUPPORTED_LANGUAGES = ["en", "ru", "kk", "ky", "uz", "tg", "tk", "mn", "fa-AF", "ps"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "en";

/** The translation files of every language: one per namespace (i18next JSON v4). */
export const NAMESPACES = ["common", "methodology", "reference", "legal"] as const;
export type Namespace = (typeof NAMESPACES)[number];

const RTL_LANGUAGES: ReadonlySet<string> = new Set(["fa-AF", "ps"]);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

/** Each language's name in itself, as the language switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ru: "Русский",
  kk: "Қазақша",
  ky: "Кыргызча",
  uz: "Oʻzbekcha",
  tg: "Тоҷикӣ",
  tk: "Türkmençe",
  mn: "Монгол",
  "fa-AF": "دری",
  ps: "پښتو",
};

// Tags browsers send for our languages that do not start with our code: Dari is also "prs", and
// Persian ("fa", "fa-IR") is read by Dari speakers more easily than English.
const PRIMARY_ALIASES: Record<string, Language> = { prs: "fa-AF", fa: "fa-AF" };

/**
 * The supported language for a BCP 47 tag (`uz-Latn-UZ` → `uz`, `prs` → `fa-AF`, `kk-KZ` → `kk`),
 * or null. Uzbek in Cyrillic (`uz-Cyrl`) is not offered, so it is not matched.
 */
export function matchLanguage(tag: string): Language | null {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const primary = parts[0] ?? "";
  if (primary === "uz" && parts.includes("cyrl")) return null;
  const exact = SUPPORTED_LANGUAGES.find((l) => l.toLowerCase() === tag.trim().toLowerCase());
  if (exact) return exact;
  return (
    (Object.hasOwn(PRIMARY_ALIASES, primary) ? PRIMARY_ALIASES[primary] : undefined) ??
    SUPPORTED_LANGUAGES.find((l) => l.split("-")[0] === primary) ??
    null
  );
}

/** The best supported language of an `Accept-Language` header, by its q-values, or null. */
export function languageFromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.tag && x.tag !== "*" && x.q > 0 && Number.isFinite(x.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return null;
}

/** A translation function of i18next (from `useTranslation` or `getFixedT`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  interpolation: {
    escapeValue: false,
    // Every number put into a sentence ("12 of 57 questions", "methodology version 2") is written
    // the reader's way, with Intl: ۱۲ in Dari, 1 234 in Kazakh.
    alwaysFormat: true,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- i18next's own signature
    format: (value: any, _format: string | undefined, lng: string | undefined, options?: Record<string, unknown>): string => {
      if (!lng) return value;
      if (typeof value === "number") return formatNumber(value, lng);
      // Methodology versions are ids kept as strings ("2").
      if (options?.interpolationkey === "version" && typeof value === "string") return formatVersion(value, lng);
      return value;
    },
  },
  // "fa-AF" is a language of its own here, not Persian with a fallback to "fa".
  load: "currentOnly" as const,
  nonExplicitSupportedLngs: false,
};

/**
 * A name or other text typed by people, isolated from the sentence around it (the plain-text
 * <bdi>): a Latin name keeps its own direction inside Dari or Pashto, and the other way round.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** Picks the text of a `{ en, ru, … }` record in the user's language, falling back to English. */
export function localized(text: { en: string } & Partial<Record<string, string>>, language: string): string {
  return text[language] ?? text.en;
}

/** The page's language in a meta function: the root loader's, else English. */
export function pageLanguage(matches: readonly { id: string; data?: unknown }[]): Language {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLanguage(locale) ? locale : FALLBACK_LANGUAGE;
}
