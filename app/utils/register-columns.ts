// Which column of a national register holds what, and each row read into an entry: the
// identification number (checked for the country), the name, the date of inclusion and,
// optionally, the category. Headers are recognised in Russian, Kazakh, Tajik, Kyrgyz, Uzbek
// and English; the importer confirms or changes the guess.
import type { CountryCode } from "~/utils/reference-data";
import { checkTaxId, type TaxIdProblem } from "~/utils/tax-id";

export const REGISTER_FIELDS = ["taxId", "name", "includedOn", "category"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export const REQUIRED_REGISTER_FIELDS: readonly RegisterField[] = ["taxId", "name", "includedOn"];

/** Column index per field; a field without a column is absent. */
export type RegisterColumns = Partial<Record<RegisterField, number>>;

// Checked in this order, so "Дата включения" is a date before anything else and "Номер" is never a name.
const HEADER_PATTERNS: [RegisterField, RegExp][] = [
  [
    "taxId",
    /(^|[^\p{L}])(бин|иин|бсн|жсн|инн|стн|рма|stir|inn|bin|iin|tin|pinfl|jshshir)([^\p{L}]|$)|идентификац|сәйкестенд|identification|tax ?id|taxpayer|мушаххас/iu,
  ],
  ["includedOn", /дата|күні|date|сана|санаи|included|inclusion|включ|енгіз|ворид|киритил/iu],
  ["category", /категор|санат|category|тоифа|гурӯҳ|toifa|тип|түр/iu],
  [
    "name",
    /наименован|название|атау|аталыш|name|organi[sz]ation|номи|ном$|субъект|предпринимат|кәсіпкер|ишкер|корхона|korxona|nomi|ташкилот|фио|аты-жөні/iu,
  ],
];

/** The header row: among the first rows, the one in which most fields are recognised (title lines above it are skipped). */
export function findHeaderRow(rows: string[][]): number {
  let best = 0;
  let bestCount = 0;
  rows.slice(0, 15).forEach((row, index) => {
    const count = Object.keys(guessColumnsOf(row)).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}

function guessColumnsOf(headers: string[]): RegisterColumns {
  const columns: RegisterColumns = {};
  const taken = new Set<number>();
  for (const [field, pattern] of HEADER_PATTERNS) {
    const index = headers.findIndex((header, i) => !taken.has(i) && pattern.test(header.trim()));
    if (index >= 0) {
      columns[field] = index;
      taken.add(index);
    }
  }
  return columns;
}

/** The columns recognised from the headers; what is not recognised is left for the importer to choose. */
export function guessRegisterColumns(headers: string[]): RegisterColumns {
  return guessColumnsOf(headers);
}

export type RegisterRowProblem = "taxIdMissing" | `taxId.${TaxIdProblem}` | "nameMissing" | "dateMissing" | "dateInvalid" | "duplicate";

export interface RegisterRowError {
  /** The row's number in the file (the header row is counted, as a spreadsheet numbers rows). */
  row: number;
  problem: RegisterRowProblem;
  value: string;
}

export interface RegisterRow {
  row: number;
  taxId: string;
  name: string;
  /** YYYY-MM-DD */
  includedOn: string;
  category: string | null;
}

const valid = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * A date as registers write it: 2024-03-12, 12.03.2024, 12/03/2024 or 12-03-2024 (day first, as
 * in the region), with or without a time after it, or a spreadsheet's day number. Null when it
 * is not a real date between 1990 and next year.
 */
export function parseRegisterDate(text: string, today = new Date()): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s.*)?$/.exec(value))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 100) y += 2000;
  } else if (/^\d{5}$/.test(value)) {
    // A spreadsheet's serial day number (days since 1899-12-30).
    const date = new Date(Date.UTC(1899, 11, 30) + Number(value) * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else return null;
  if (!valid(y, m, d) || y < 1990 || y > today.getUTCFullYear() + 1) return null;
  return iso(y, m, d);
}

/**
 * Reads the rows below the header with the chosen columns: every row gives an entry or an error
 * (a number that is not valid for the country, a missing name, a date that cannot be read, the
 * same number twice).
 */
export function readRegisterRows({
  country,
  rows,
  headerRow,
  columns,
  today,
}: {
  country: CountryCode;
  rows: string[][];
  headerRow: number;
  columns: RegisterColumns;
  today?: Date;
}): { entries: RegisterRow[]; errors: RegisterRowError[] } {
  const entries: RegisterRow[] = [];
  const errors: RegisterRowError[] = [];
  const seen = new Set<string>();
  const cell = (row: string[], field: RegisterField) => (columns[field] === undefined ? "" : (row[columns[field]!] ?? "").trim());
  rows.slice(headerRow + 1).forEach((cells, i) => {
    const row = headerRow + i + 2;
    const rawId = cell(cells, "taxId");
    const name = cell(cells, "name");
    const rawDate = cell(cells, "includedOn");
    if (!rawId) return errors.push({ row, problem: "taxIdMissing", value: name });
    const checked = checkTaxId(country, rawId);
    if (!checked.ok) return errors.push({ row, problem: `taxId.${checked.problem}`, value: rawId });
    if (!name) return errors.push({ row, problem: "nameMissing", value: rawId });
    if (!rawDate) return errors.push({ row, problem: "dateMissing", value: rawId });
    const includedOn = parseRegisterDate(rawDate, today);
    if (!includedOn) return errors.push({ row, problem: "dateInvalid", value: rawDate });
    if (seen.has(checked.taxId)) return errors.push({ row, problem: "duplicate", value: checked.taxId });
    seen.add(checked.taxId);
    entries.push({
      row,
      taxId: checked.taxId,
      name: name.slice(0, 500),
      includedOn,
      category: cell(cells, "category").slice(0, 200) || null,
    });
  });
  return { entries, errors };
}
