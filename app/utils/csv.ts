import { DATA_LICENCE_LINK } from "~/utils/licence";

export interface CsvOptions {
  /** `;` for readers whose decimal mark is a comma (see csvStyleFor). */
  separator?: "," | ";";
  /** Write fractions with a decimal comma (`63,5`), as spreadsheets set to those languages read numbers. */
  decimalComma?: boolean;
}

type CsvCell = string | number | null | undefined;

/** What a CSV file starts with: the byte-order mark. */
export const CSV_START = "\uFEFF";

/** CSV with a header row, quoted where needed, UTF-8 with a byte-order mark so spreadsheets read Cyrillic right. */
export function toCsv(header: string[], rows: CsvCell[][], options: CsvOptions = {}): string {
  return `${CSV_START}${csvLines([header, ...rows], options)}`;
}

/** Rows as CSV lines, each ended with CRLF (a file is CSV_START, then the header's line, then the rows'). */
export function csvLines(rows: CsvCell[][], options: CsvOptions = {}): string {
  const separator = options.separator ?? ",";
  const cell = (value: CsvCell) => {
    const text =
      value === null || value === undefined
        ? ""
        : typeof value === "number" && options.decimalComma
          ? String(value).replace(".", ",")
          : String(value);
    // A leading =, +, - or @ would be read as a formula by spreadsheet programs.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
    // A number is never quoted: with a decimal comma it is a number to a spreadsheet split at `;`.
    if (typeof value === "number") return safe;
    return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return rows.map((row) => `${row.map(cell).join(separator)}\r\n`).join("");
}

/**
 * How a CSV is written for a reader's language: where the decimal mark is a comma (Russian, Kazakh,
 * Kyrgyz, Uzbek, Tajik, Turkmen), spreadsheets set to that language split columns at `;` and read
 * `63,5` as a number; elsewhere `,` and `63.5` (docs/decisions/014-exports.md).
 */
export function csvStyleFor(language: string): CsvOptions {
  const decimal = new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === "decimal")?.value;
  return decimal === "," ? { separator: ";", decimalComma: true } : { separator: "," };
}

/** A CSV download; `openData: false` for private data (a cohort's), which the open data's licence does not cover. */
export function csvResponse(filename: string, body: string | ReadableStream<Uint8Array>, { openData = true }: { openData?: boolean } = {}) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      // The open data's licence (CC BY 4.0), for tools; the body stays plain rows (docs/decisions/018-licences.md).
      ...(openData ? { Link: DATA_LICENCE_LINK } : {}),
    },
  });
}
