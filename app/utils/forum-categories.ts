// The forum's starting categories: the themes of the regional Vision (Priority 8) and one per
// country. Every start-up adds those whose slug the forum lacks; admins may add, rename and
// reorder categories, and start-up never changes one that exists.
import { COUNTRY_CODES, COUNTRY_NAMES, type Localized } from "~/utils/reference-data";
import { slugify } from "~/utils/slug";

export interface ForumCategorySeed {
  slug: string;
  kind: "theme" | "country";
  country: string | null;
  name: Localized;
  description: Localized;
}

const THEMES: ForumCategorySeed[] = [
  {
    slug: "social-entrepreneurship",
    kind: "theme",
    country: null,
    name: { en: "Social entrepreneurship", ru: "Социальное предпринимательство" },
    description: {
      en: "Starting and running a social enterprise: models, customers, staff and mission.",
      ru: "Как начать и вести социальное предприятие: модели, клиенты, команда и миссия.",
    },
  },
  {
    slug: "finance-and-funding",
    kind: "theme",
    country: null,
    name: { en: "Finance and funding", ru: "Финансы и финансирование" },
    description: {
      en: "Grants, loans, impact investment, earned income and working with funders.",
      ru: "Гранты, займы, инвестиции воздействия, собственный доход и работа с донорами.",
    },
  },
  {
    slug: "regulation-and-policy",
    kind: "theme",
    country: null,
    name: { en: "Regulation and policy", ru: "Регулирование и политика" },
    description: {
      en: "Laws, taxes, registration and public procurement: what helps and what stands in the way.",
      ru: "Законы, налоги, регистрация и госзакупки: что помогает и что мешает.",
    },
  },
  {
    slug: "impact-measurement",
    kind: "theme",
    country: null,
    name: { en: "Impact measurement", ru: "Оценка воздействия" },
    description: {
      en: "Measuring social and economic results, the rating methodology and evidence.",
      ru: "Измерение социальных и экономических результатов, методика рейтинга и подтверждения.",
    },
  },
  {
    slug: "inclusion",
    kind: "theme",
    country: null,
    name: { en: "Inclusion", ru: "Инклюзия" },
    description: {
      en: "Jobs and services for people with disabilities, women, migrants and other vulnerable groups.",
      ru: "Работа и услуги для людей с инвалидностью, женщин, мигрантов и других уязвимых групп.",
    },
  },
  {
    slug: "climate",
    kind: "theme",
    country: null,
    name: { en: "Climate and environment", ru: "Климат и экология" },
    description: {
      en: "Green enterprises, water, energy, waste and adapting to a changing climate.",
      ru: "Зелёные предприятия, вода, энергия, отходы и адаптация к изменению климата.",
    },
  },
  {
    slug: "youth-and-generations",
    kind: "theme",
    country: null,
    name: { en: "Youth and generations", ru: "Молодёжь и поколения" },
    description: {
      en: "Young founders, mentorship, and the knowledge of elders passed on.",
      ru: "Молодые основатели, наставничество и передача опыта старшего поколения.",
    },
  },
];

const COUNTRIES: ForumCategorySeed[] = COUNTRY_CODES.map((code) => ({
  slug: slugify(COUNTRY_NAMES[code].en),
  kind: "country",
  country: code,
  name: COUNTRY_NAMES[code],
  description: {
    en: `Social enterprise in ${COUNTRY_NAMES[code].en}: local news, events, questions and consultations.`,
    ru: `Социальное предпринимательство: ${COUNTRY_NAMES[code].ru} — новости, события, вопросы и консультации.`,
  },
}));

export const FORUM_CATEGORY_SEEDS: ReadonlyArray<ForumCategorySeed> = [...THEMES, ...COUNTRIES];
