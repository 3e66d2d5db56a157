import { DATA_LICENCE_LINK } from "~/utils/licence";

/** CSV with a header row, quoted where needed, UTF-8 with a byte-order mark so spreadsheets read Cyrillic right. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    // A leading =, +, - or @ would be read as a formula by spreadsheet programs.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
    return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

export function csvResponse(filename: string, body: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      // The open data's licence (CC BY 4.0), for tools; the body stays plain rows (docs/decisions/018-licences.md).
      Link: DATA_LICENCE_LINK,
    },
  });
}
