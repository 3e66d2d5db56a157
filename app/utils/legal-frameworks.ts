// Each country's law on social entrepreneurship, as data: the acts, and for every criterion the
// article it comes from and the day it was last checked against the text. Shared by server and
// browser, with no I/O. The wording people read is in the "legal" translation files, under the
// ids used here (legal:act.<id>.title, legal:criterion.<id>.label/.text/.note,
// legal:country.<code>.summary). Where a figure or an article number could not be confirmed
// from the text of the law, `confirmed` is false and the note says what is missing; the pages
// show it. How the data is kept and checked: docs/decisions (legal data).
import { COUNTRY_CODES, type CountryCode, type LegalForm } from "~/utils/reference-data";

/** The day the data below was last compared with the sources (ISO date). */
export const LEGAL_DATA_CHECKED_ON = "2026-12-02";

export type LegalAct = {
  id: string;
  country: CountryCode;
  /** The act's number as published, or null for a statement that no act exists. */
  number: string | null;
  /** Adoption date (ISO), or null. */
  adoptedOn: string | null;
  /** Where the text can be read (official database first). */
  url: string | null;
  confirmed: boolean;
};

export type CriterionKind = "definition" | "subject" | "category" | "condition" | "register" | "identification" | "no_law";

/** Which pre-check rule reads the enterprise's data against a criterion (see legal-precheck.ts). */
export type PrecheckRule =
  | "social_purpose"
  | "not_large_business"
  | "eligible_legal_form"
  | "employs_vulnerable"
  | "serves_people_with_disabilities"
  | "social_sphere_services"
  | "serves_vulnerable_groups"
  | "register_stated"
  | "tax_id_valid"
  | "not_assessable";

export type LegalCriterion = {
  id: string;
  kind: CriterionKind;
  act: string;
  /** Article, paragraph or item, as the act numbers it; null when it could not be confirmed. */
  article: string | null;
  /** Whether the article and any figure in the criterion were confirmed from the act's text. */
  confirmed: boolean;
  /** A figure the criterion sets (a share of staff in per cent, a number of employees), if any. */
  threshold?: { value: number; unit: "percent" | "employees" };
  /** Has a note in the translation files (legal:criterion.<id>.note): always, when not confirmed. */
  hasNote: boolean;
  checkedOn: string;
  precheck: PrecheckRule;
};

export type NationalFramework = {
  country: CountryCode;
  /** Whether a dedicated law on social entrepreneurship is in force. */
  hasLaw: boolean;
  /** Whether the law provides a national register of social enterprises. */
  hasRegister: boolean;
  acts: LegalAct[];
  criteria: LegalCriterion[];
  /** The legal forms social enterprises use there (reference-data LEGAL_FORMS). */
  organisationalForms: LegalForm[];
  checkedOn: string;
};

const checkedOn = LEGAL_DATA_CHECKED_ON;

const noLaw = (
  country: CountryCode,
  civilCode: Omit<LegalAct, "country" | "id" | "confirmed">,
  organisationalForms: LegalForm[],
): NationalFramework => ({
  country,
  hasLaw: false,
  hasRegister: false,
  acts: [{ id: `${country.toLowerCase()}_no_law`, country, ...civilCode, confirmed: true }],
  criteria: [
    {
      id: `${country.toLowerCase()}_no_law`,
      kind: "no_law",
      act: `${country.toLowerCase()}_no_law`,
      article: null,
      confirmed: true,
      hasNote: false,
      checkedOn,
      precheck: "not_assessable",
    },
  ],
  organisationalForms,
  checkedOn,
});

export const LEGAL_FRAMEWORKS: Record<CountryCode, NationalFramework> = {
  KZ: {
    country: "KZ",
    hasLaw: true,
    hasRegister: true,
    acts: [
      {
        id: "kz_entrepreneurial_code",
        country: "KZ",
        number: "375-V",
        adoptedOn: "2015-10-29",
        url: "https://adilet.zan.kz/rus/docs/K1500000375",
        confirmed: true,
      },
      {
        id: "kz_register_rules",
        country: "KZ",
        number: "140",
        adoptedOn: "2023-07-17",
        url: "https://adilet.zan.kz/rus/docs/V2300033105",
        confirmed: true,
      },
    ],
    criteria: [
      {
        id: "kz_definition",
        kind: "definition",
        act: "kz_entrepreneurial_code",
        article: "79-1",
        confirmed: true,
        hasNote: false,
        checkedOn,
        precheck: "social_purpose",
      },
      {
        id: "kz_subjects",
        kind: "subject",
        act: "kz_entrepreneurial_code",
        article: "79-1",
        confirmed: true,
        hasNote: false,
        checkedOn,
        precheck: "eligible_legal_form",
      },
      {
        id: "kz_not_large",
        kind: "condition",
        act: "kz_entrepreneurial_code",
        article: "24",
        confirmed: false,
        threshold: { value: 250, unit: "employees" },
        hasNote: true,
        checkedOn,
        precheck: "not_large_business",
      },
      {
        id: "kz_category_employment",
        kind: "category",
        act: "kz_entrepreneurial_code",
        article: "79-3",
        confirmed: false,
        threshold: { value: 50, unit: "percent" },
        hasNote: true,
        checkedOn,
        precheck: "employs_vulnerable",
      },
      {
        id: "kz_category_sales",
        kind: "category",
        act: "kz_entrepreneurial_code",
        article: "79-3",
        confirmed: false,
        hasNote: true,
        checkedOn,
        precheck: "serves_vulnerable_groups",
      },
      {
        id: "kz_category_disability_goods",
        kind: "category",
        act: "kz_entrepreneurial_code",
        article: "79-3",
        confirmed: false,
        hasNote: true,
        checkedOn,
        precheck: "serves_people_with_disabilities",
      },
      {
        id: "kz_category_social_sphere",
        kind: "category",
        act: "kz_entrepreneurial_code",
        article: "79-3",
        confirmed: false,
        hasNote: true,
        checkedOn,
        precheck: "social_sphere_services",
      },
      {
        id: "kz_register",
        kind: "register",
        act: "kz_register_rules",
        article: "79-4",
        confirmed: true,
        hasNote: false,
        checkedOn,
        precheck: "register_stated",
      },
      {
        id: "kz_bin",
        kind: "identification",
        act: "kz_register_rules",
        article: null,
        confirmed: false,
        hasNote: true,
        checkedOn,
        precheck: "tax_id_valid",
      },
    ],
    organisationalForms: ["sole_proprietor", "llp", "jsc", "cooperative", "public_association", "public_foundation"],
    checkedOn,
  },
  TJ: {
    country: "TJ",
    hasLaw: true,
    hasRegister: true,
    acts: [
      {
        id: "tj_social_entrepreneurship_law",
        country: "TJ",
        number: "2119",
        adoptedOn: "2025-01-02",
        url: "http://www.adlia.tj",
        confirmed: true,
      },
    ],
    criteria: [
      {
        id: "tj_definition",
        kind: "definition",
        act: "tj_social_entrepreneurship_law",
        article: "1(1)",
        confirmed: true,
        hasNote: false,
        checkedOn,
        precheck: "social_purpose",
      },
      {
        id: "tj_subjects",
        kind: "subject",
        act: "tj_social_entrepreneurship_law",
        article: "1(2), 1(3)",
        confirmed: true,
        hasNote: true,
        checkedOn,
        precheck: "eligible_legal_form",
      },
      {
        id: "tj_vulnerable_groups",
        kind: "condition",
        act: "tj_social_entrepreneurship_law",
        article: "1(5)",
        confirmed: true,
        hasNote: false,
        checkedOn,
        precheck: "serves_vulnerable_groups",
      },
      {
        id: "tj_social_goods",
        kind: "category",
        act: "tj_social_entrepreneurship_law",
        article: "1(7)",
        confirmed: true,
        hasNote: false,
        checkedOn,
        precheck: "serves_people_with_disabilities",
      },
      {
        id: "tj_inclusion_conditions",
        kind: "condition",
        act: "tj_social_entrepreneurship_law",
        article: null,
        confirmed: false,
        hasNote: true,
        checkedOn,
        precheck: "employs_vulnerable",
      },
      {
        id: "tj_register",
        kind: "register",
        act: "tj_social_entrepreneurship_law",
        article: "1(4)",
        confirmed: true,
        hasNote: true,
        checkedOn,
        precheck: "register_stated",
      },
      {
        id: "tj_inn",
        kind: "identification",
        act: "tj_social_entrepreneurship_law",
        article: null,
        confirmed: false,
        hasNote: true,
        checkedOn,
        precheck: "tax_id_valid",
      },
    ],
    organisationalForms: ["sole_proprietor", "llp", "jsc", "cooperative", "public_association", "dehkan_farm"],
    checkedOn,
  },
  KG: noLaw("KG", { number: null, adoptedOn: null, url: "https://cbd.minjust.gov.kg" }, [
    "public_association",
    "public_foundation",
    "cooperative",
    "sole_proprietor",
    "llp",
  ]),
  UZ: noLaw("UZ", { number: null, adoptedOn: null, url: "https://lex.uz" }, [
    "public_association",
    "public_foundation",
    "sole_proprietor",
    "llp",
    "cooperative",
    "dehkan_farm",
  ]),
  TM: noLaw("TM", { number: null, adoptedOn: null, url: null }, ["public_association", "sole_proprietor", "llp", "cooperative"]),
  AF: noLaw("AF", { number: null, adoptedOn: null, url: null }, ["public_association", "cooperative", "sole_proprietor", "llp"]),
  MN: noLaw("MN", { number: null, adoptedOn: null, url: "https://legalinfo.mn" }, [
    "public_association",
    "public_foundation",
    "cooperative",
    "sole_proprietor",
    "llp",
    "jsc",
  ]),
};

export function frameworkOf(country: string): NationalFramework | null {
  return (COUNTRY_CODES as readonly string[]).includes(country) ? LEGAL_FRAMEWORKS[country as CountryCode] : null;
}

export function actOf(framework: NationalFramework, id: string): LegalAct {
  const act = framework.acts.find((a) => a.id === id);
  if (!act) throw new Error(`No act ${id} in the framework of ${framework.country}`);
  return act;
}

/** The country codes in the URL form used by /legal/:country (lower case). */
export function legalPath(country: CountryCode): string {
  return `/legal/${country.toLowerCase()}`;
}
