// National tax and business identification numbers of the region: how each country writes them,
// how Ortaq stores them (digits only, in `Enterprise.taxId`) and how far each can be checked.
// Shared by server and browser (the enterprise form checks as you type) and by the register
// imports, which match enterprises on the normalised number. Sources and what could not be
// confirmed are recorded per country below and in docs/decisions (legal data).
import type { CountryCode } from "~/utils/reference-data";

export type TaxIdRule = {
  /** The names the number goes by, for the form's hint (not translated: they are the official abbreviations). */
  names: string;
  /** Accepted lengths in digits. */
  lengths: readonly number[];
  /** Whether the last digit is a check digit that Ortaq verifies. */
  checkDigit: boolean;
  /** Whether the lengths (and check digit) were confirmed from an official or well-documented source. */
  confirmed: boolean;
  source: string;
  note?: string;
};

export const TAX_ID_RULES: Record<CountryCode, TaxIdRule> = {
  KZ: {
    names: "BIN / IIN (БСН / ЖСН, БИН / ИИН)",
    lengths: [12],
    checkDigit: true,
    confirmed: true,
    source:
      "Government of Kazakhstan Resolution No. 565 of 11 June 2003 (transition to the single IIN/BIN); egov.kz, 'Business identification number': 12 digits, the 12th a check digit",
    note: "Check digit: digits 1–11 weighted 1…11, sum mod 11; if 10, weighted 3…11,1,2 instead; a second 10 means the number is never issued.",
  },
  KG: {
    names: "INN (ИНН / СТН)",
    lengths: [14],
    checkDigit: false,
    confirmed: true,
    source: "Tax Code of the Kyrgyz Republic; State Tax Service: the INN has 14 digits (individuals: gender digit and date of birth)",
    note: "No published check-digit algorithm was found: only the length is checked.",
  },
  TJ: {
    names: "INN (РМА / ИНН)",
    lengths: [9],
    checkDigit: false,
    confirmed: true,
    source:
      "Tax Code of the Republic of Tajikistan; Tax Committee under the Government: the taxpayer identification number (РМА) has 9 digits",
    note: "No published check-digit algorithm was found: only the length is checked.",
  },
  UZ: {
    names: "STIR / INN (9), PINFL / JShShIR (14)",
    lengths: [9, 14],
    checkDigit: false,
    confirmed: true,
    source:
      "Tax Code of the Republic of Uzbekistan: STIR (taxpayer identification number) of 9 digits; PINFL (personal identification number of an individual) of 14 digits",
    note: "Check digits are not verified: no official description of them was found.",
  },
  TM: {
    names: "Taxpayer registration number (SHB)",
    lengths: [8, 9, 10, 11, 12],
    checkDigit: false,
    confirmed: false,
    source: "Tax Code of Turkmenistan (taxpayer registration); the number's length could not be confirmed from an official source",
    note: "Not confirmed: any 8 to 12 digits are accepted until the format is confirmed.",
  },
  AF: {
    names: "TIN",
    lengths: [8, 9, 10, 11, 12],
    checkDigit: false,
    confirmed: false,
    source: "Afghanistan Revenue Department (Ministry of Finance) issues TINs; commonly 10 digits, not confirmed from an official source",
    note: "Not confirmed: any 8 to 12 digits are accepted until the format is confirmed.",
  },
  MN: {
    names: "State registration number / TIN",
    lengths: [7],
    checkDigit: false,
    confirmed: false,
    source:
      "General Authority for State Registration of Mongolia: legal entities hold a 7-digit registration number, used as their taxpayer number; not confirmed from an official text",
    note: "Individuals' register numbers (two Cyrillic letters and 8 digits) are not digits only and are not accepted here.",
  },
};

/** The number as typed, with spaces, dashes, dots and slashes taken out (what people copy from certificates). */
export function normaliseTaxId(input: string): string {
  return input.replace(/[\s\-./\u00a0]/g, "");
}

/** Kazakhstan's IIN/BIN check digit, or null when the number cannot be issued (both passes give 10). */
export function kazakhstanCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weigh = (weights: readonly number[]) => weights.reduce((sum, weight, i) => sum + weight * digits[i]!, 0) % 11;
  let check = weigh([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weigh([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check === 10 ? null : check;
}

export type TaxIdProblem = "notDigits" | "length" | "checkDigit";

export type TaxIdCheck = { ok: true; taxId: string } | { ok: false; problem: TaxIdProblem };

/** Checks a number typed for an enterprise of `country`: digits only once normalised, its length, and its check digit where one exists. */
export function checkTaxId(country: CountryCode, input: string): TaxIdCheck {
  const taxId = normaliseTaxId(input);
  if (!/^\d+$/.test(taxId)) return { ok: false, problem: "notDigits" };
  const rule = TAX_ID_RULES[country];
  if (!rule.lengths.includes(taxId.length)) return { ok: false, problem: "length" };
  if (country === "KZ" && kazakhstanCheckDigit(taxId.slice(0, 11)) !== Number(taxId[11])) {
    return { ok: false, problem: "checkDigit" };
  }
  return { ok: true, taxId };
}

export function isValidTaxId(country: CountryCode, input: string): boolean {
  return checkTaxId(country, input).ok;
}
