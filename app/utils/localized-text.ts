// Texts people write in several languages (a forum category's name and description), stored as a
// JSON object keyed by language code. Shared by server and browser.
import { isLanguage, localized, type Language } from "~/utils/i18n";

/** A text in each language that has one; English is always there and stands in for the others. */
export type LocalizedText = { en: string } & Partial<Record<Language, string>>;

/**
 * A stored object of translations as a LocalizedText: the non-empty texts of supported languages,
 * with English as "" if it has none (a description may have no text at all).
 */
export function toLocalizedText(value: unknown): LocalizedText {
  const text: LocalizedText = { en: "" };
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [language, entry] of Object.entries(value)) {
      if (isLanguage(language) && typeof entry === "string" && entry.trim() !== "") text[language] = entry;
    }
  }
  return text;
}

/** A stored object of translations read in `language`, falling back to English. */
export function textIn(value: unknown, language: string): string {
  return localized(toLocalizedText(value), language);
}

/**
 * `item` with its `fields` (stored objects of translations, such as a category's name and description) read
 * in `language`: a page sends the reader's language alone, not all ten.
 */
export function withTextsIn<T extends object, K extends keyof T>(item: T, fields: readonly K[], language: string) {
  const read = { ...item } as Record<PropertyKey, unknown>;
  for (const field of fields) read[field] = textIn(item[field], language);
  return read as Omit<T, K> & Record<K, string>;
}

/** Threads with their category named in `language` alone: a page sends the reader's language, not all ten. */
export function withCategoryNamedIn<T extends { category: { slug: string; name: unknown } }>(threads: T[], language: string) {
  return threads.map((thread) => threadWithCategoryNamedIn(thread, language));
}

/** One thread with its category named in `language` alone (`withCategoryNamedIn` for a thread's own page). */
export function threadWithCategoryNamedIn<T extends { category: { slug: string; name: unknown } }>(thread: T, language: string) {
  return { ...thread, category: { slug: thread.category.slug, name: textIn(thread.category.name, language) } };
}
