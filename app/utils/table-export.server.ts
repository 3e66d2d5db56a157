import writeXlsxFile from "write-excel-file/node";
import { csvResponse, csvStyleFor, toCsv } from "~/utils/csv";
import { directionOf } from "~/utils/i18n";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format an export URL asks for (`format=xlsx`); CSV when none; null for anything else. */
export function exportFormat(params: URLSearchParams): ExportFormat | null {
  const value = params.get("format");
  if (value === null || value === "") return "csv";
  return (EXPORT_FORMATS as readonly string[]).includes(value) ? (value as ExportFormat) : null;
}

/** An export link in the other format: the same address with `format=xlsx`. */
export function withFormat(href: string, format: ExportFormat) {
  if (format === "csv") return href;
  return `${href}${href.includes("?") ? "&" : "?"}format=${format}`;
}

type ExportCell = string | number | null | undefined;

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(name: string) {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Ortaq";
}

/**
 * One table as a download: CSV written for the reader's spreadsheet (csvStyleFor) or a real
 * spreadsheet with typed cells (docs/decisions/014-exports.md).
 */
export async function tableResponse({
  format,
  filename,
  sheet,
  header,
  rows,
  language,
  openData = true,
}: {
  format: ExportFormat;
  /** Without extension: `ortaq-ratings`. */
  filename: string;
  /** The sheet's name in the spreadsheet, in the reader's language. */
  sheet: string;
  header: string[];
  rows: ExportCell[][];
  language: string;
  /** False for private data, which the open data's licence does not cover. */
  openData?: boolean;
}) {
  if (format === "csv") return csvResponse(`${filename}.csv`, toCsv(header, rows, csvStyleFor(language)), { openData });
  const data = [
    header.map((value) => ({ value, fontWeight: "bold" as const })),
    ...rows.map((row) =>
      row.map((value) =>
        value === null || value === undefined || value === ""
          ? null
          : typeof value === "number"
            ? { value, type: Number }
            : { value, type: String },
      ),
    ),
  ];
  const widths = header.map((h, i) => ({
    width: Math.min(60, Math.max(8, h.length + 2, ...rows.slice(0, 200).map((r) => String(r[i] ?? "").length + 2))),
  }));
  const buffer = await writeXlsxFile(data, {
    sheet: sheetName(sheet),
    columns: widths,
    stickyRowsCount: 1,
    rightToLeft: directionOf(language) === "rtl",
  }).toBuffer();
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}

/** An export whose address asks for something not understood: 400 with the reason, in the reader's language. */
export function badExportRequest(message: string) {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
