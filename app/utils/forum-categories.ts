// The forum's starting categories: the themes of the regional Vision (Priority 8) and one per
// country. Every start-up adds those whose slug the forum lacks; admins may add, rename and
// reorder categories, and start-up never changes one that exists. Their names and descriptions
// in every language are in the translation files (namespace "reference", `forumCategory`).
import { serverResources } from "~/locales/resources.server";
import { SUPPORTED_LANGUAGES, type Language } from "~/utils/i18n";
import { COUNTRY_CODES } from "~/utils/reference-data";
import { slugify } from "~/utils/slug";

export interface ForumCategorySeed {
  slug: string;
  kind: "theme" | "country";
  country: string | null;
}

const THEMES: ForumCategorySeed[] = [
  "social-entrepreneurship",
  "finance-and-funding",
  "regulation-and-policy",
  "impact-measurement",
  "inclusion",
  "climate",
  "youth-and-generations",
].map((slug) => ({ slug, kind: "theme", country: null }));

type Reference = {
  country: Record<string, string>;
  forumCategory: Record<string, { name: string; description: string }> & { countryDescription?: string };
};

const reference = (language: Language) => serverResources()[language]?.reference as Reference | undefined;
const englishCountry = (code: string) => reference("en")!.country[code] ?? code;

const COUNTRIES: ForumCategorySeed[] = COUNTRY_CODES.map((code) => ({
  slug: slugify(englishCountry(code)),
  kind: "country",
  country: code,
}));

export const FORUM_CATEGORY_SEEDS: ReadonlyArray<ForumCategorySeed> = [...THEMES, ...COUNTRIES];

/** A standard category's name and description in every language that has them (English always). */
export function forumCategorySeedTexts(seed: ForumCategorySeed): { name: Record<string, string>; description: Record<string, string> } {
  const name: Record<string, string> = {};
  const description: Record<string, string> = {};
  for (const language of SUPPORTED_LANGUAGES) {
    const ref = reference(language);
    if (!ref?.forumCategory) continue;
    if (seed.kind === "theme") {
      const texts = ref.forumCategory[seed.slug];
      if (texts?.name) name[language] = texts.name;
      if (texts?.description) description[language] = texts.description;
    } else {
      const country = ref.country?.[seed.country!];
      if (country) name[language] = country;
      const template = ref.forumCategory.countryDescription;
      if (country && template) description[language] = template.replace("{{country}}", country);
    }
  }
  return { name, description };
}
