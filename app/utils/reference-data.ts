// Reference lists shared by server and browser: countries and their ISO 3166-2
// first-level regions, sectors, legal forms, SDGs, beneficiary groups, size bands. Their names
// are in the translation files (namespace "reference"); the functions at the end read them.
import { formatNumber } from "~/utils/format";
import type { Translate } from "~/utils/i18n";

export const COUNTRY_CODES = ["KZ", "KG", "TJ", "TM", "UZ", "AF", "MN"] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

type Region = { code: string };

export const REGIONS: Record<CountryCode, ReadonlyArray<Region>> = {
  KZ: [
    { code: "KZ-10" },
    { code: "KZ-11" },
    { code: "KZ-15" },
    { code: "KZ-19" },
    { code: "KZ-23" },
    { code: "KZ-27" },
    { code: "KZ-31" },
    { code: "KZ-33" },
    { code: "KZ-35" },
    { code: "KZ-39" },
    { code: "KZ-43" },
    { code: "KZ-47" },
    { code: "KZ-55" },
    { code: "KZ-59" },
    { code: "KZ-61" },
    { code: "KZ-62" },
    { code: "KZ-63" },
    { code: "KZ-71" },
    { code: "KZ-75" },
    { code: "KZ-79" },
  ],
  KG: [
    { code: "KG-B" },
    { code: "KG-C" },
    { code: "KG-GB" },
    { code: "KG-GO" },
    { code: "KG-J" },
    { code: "KG-N" },
    { code: "KG-O" },
    { code: "KG-T" },
    { code: "KG-Y" },
  ],
  TJ: [{ code: "TJ-DU" }, { code: "TJ-GB" }, { code: "TJ-KT" }, { code: "TJ-RA" }, { code: "TJ-SU" }],
  TM: [{ code: "TM-A" }, { code: "TM-B" }, { code: "TM-D" }, { code: "TM-L" }, { code: "TM-M" }, { code: "TM-S" }],
  UZ: [
    { code: "UZ-AN" },
    { code: "UZ-BU" },
    { code: "UZ-FA" },
    { code: "UZ-JI" },
    { code: "UZ-NG" },
    { code: "UZ-NW" },
    { code: "UZ-QA" },
    { code: "UZ-QR" },
    { code: "UZ-SA" },
    { code: "UZ-SI" },
    { code: "UZ-SU" },
    { code: "UZ-TK" },
    { code: "UZ-TO" },
    { code: "UZ-XO" },
  ],
  AF: [
    { code: "AF-BDS" },
    { code: "AF-BDG" },
    { code: "AF-BGL" },
    { code: "AF-BAL" },
    { code: "AF-BAM" },
    { code: "AF-DAY" },
    { code: "AF-FRA" },
    { code: "AF-FYB" },
    { code: "AF-GHA" },
    { code: "AF-GHO" },
    { code: "AF-HEL" },
    { code: "AF-HER" },
    { code: "AF-JOW" },
    { code: "AF-KAB" },
    { code: "AF-KAN" },
    { code: "AF-KAP" },
    { code: "AF-KHO" },
    { code: "AF-KNR" },
    { code: "AF-KDZ" },
    { code: "AF-LAG" },
    { code: "AF-LOG" },
    { code: "AF-NAN" },
    { code: "AF-NIM" },
    { code: "AF-NUR" },
    { code: "AF-PAN" },
    { code: "AF-PAR" },
    { code: "AF-PIA" },
    { code: "AF-PKA" },
    { code: "AF-SAM" },
    { code: "AF-SAR" },
    { code: "AF-TAK" },
    { code: "AF-URU" },
    { code: "AF-WAR" },
    { code: "AF-ZAB" },
  ],
  MN: [
    { code: "MN-1" },
    { code: "MN-073" },
    { code: "MN-071" },
    { code: "MN-069" },
    { code: "MN-067" },
    { code: "MN-037" },
    { code: "MN-061" },
    { code: "MN-063" },
    { code: "MN-059" },
    { code: "MN-065" },
    { code: "MN-064" },
    { code: "MN-039" },
    { code: "MN-043" },
    { code: "MN-041" },
    { code: "MN-053" },
    { code: "MN-035" },
    { code: "MN-055" },
    { code: "MN-049" },
    { code: "MN-051" },
    { code: "MN-047" },
    { code: "MN-046" },
    { code: "MN-057" },
  ],
};

export function isRegionOf(country: string, region: string): boolean {
  return (COUNTRY_CODES as readonly string[]).includes(country) && REGIONS[country as CountryCode].some((r) => r.code === region);
}

export const SECTORS = [
  "agriculture_food",
  "crafts_textiles",
  "education",
  "health_care",
  "social_services",
  "employment_training",
  "tourism_culture",
  "environment_recycling",
  "energy_water",
  "finance_microcredit",
  "technology_digital",
  "housing_construction",
  "retail_trade",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

export const LEGAL_FORMS = [
  "llp",
  "jsc",
  "sole_proprietor",
  "dehkan_farm",
  "public_association",
  "public_foundation",
  "cooperative",
  "non_commercial_other",
  "commercial_other",
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const SDGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;

export const BENEFICIARY_GROUPS = [
  "women",
  "youth",
  "elders",
  "people_with_disabilities",
  "rural_communities",
  "migrants_returnees",
  "refugees_displaced",
  "low_income_families",
  "orphans_children",
  "ethnic_minorities",
  "former_prisoners",
  "people_with_health_conditions",
] as const;
export type BeneficiaryGroup = (typeof BENEFICIARY_GROUPS)[number];

/**
 * Size by paid staff, the one definition of the bands: each holds fewer employees than its
 * limit and at least the limit of the one before: none (0), micro (1–9), small (10–49),
 * medium (50–249), large (250+).
 */
export const SIZE_BAND_LIMITS = [
  { band: "none", below: 1 },
  { band: "micro", below: 10 },
  { band: "small", below: 50 },
  { band: "medium", below: 250 },
  { band: "large", below: null },
] as const;

export const SIZE_BANDS = SIZE_BAND_LIMITS.map((limit) => limit.band);
export type SizeBand = (typeof SIZE_BAND_LIMITS)[number]["band"];

export function sizeBand(employees: number): SizeBand {
  return SIZE_BAND_LIMITS.find((limit) => limit.below === null || employees < limit.below)!.band;
}

/** The same bands as an SQL expression over a column of employees (a column name, never input). */
export function sizeBandSql(employees: string): string {
  const cases = SIZE_BAND_LIMITS.map(({ band, below }) =>
    below === null ? `ELSE '${band}'` : `WHEN ${employees} < ${below} THEN '${band}'`,
  );
  return `CASE ${cases.join(" ")} END`;
}

export const CURRENCIES = ["KZT", "KGS", "TJS", "TMT", "UZS", "AFN", "MNT", "USD", "EUR"] as const;
export type Currency = (typeof CURRENCIES)[number];

// An unknown code (an old value, a code from outside) is shown as it is rather than as a key.
export const countryName = (t: Translate, code: string) => t(`reference:country.${code}`, { defaultValue: code });
export const regionName = (t: Translate, code: string) => t(`reference:region.${code}`, { defaultValue: code });
export const sectorName = (t: Translate, id: string) => t(`reference:sector.${id}`, { defaultValue: id });
export const legalFormName = (t: Translate, id: string) => t(`reference:legalForm.${id}`, { defaultValue: id });
export const sdgName = (t: Translate, goal: number | string) => t(`reference:sdg.${goal}`, { defaultValue: String(goal) });
/** The goal with its number, the number in the language's own digits: "5. Gender equality", "۵. برابری جنسیتی". */
export const sdgLabel = (t: Translate, goal: number | string, language: string) =>
  `${formatNumber(Number(goal), language)}. ${sdgName(t, goal)}`;
export const beneficiaryGroupName = (t: Translate, id: string) => t(`reference:beneficiaryGroup.${id}`, { defaultValue: id });
export const sizeBandName = (t: Translate, id: string) => t(`reference:sizeBand.${id}`, { defaultValue: id });
