import { CSV_START, csvLines, csvResponse, csvStyleFor } from "~/utils/csv";
import { directionOf } from "~/utils/i18n";
import { xlsxStream, type SheetCell } from "~/utils/xlsx.server";

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

type ExportCell = SheetCell;

/**
 * One table as a download: CSV written for the reader's spreadsheet (csvStyleFor) or a real
 * spreadsheet with typed cells (docs/decisions/014-exports.md). The rows are a list, or batches read
 * one at a time as the file is sent (decision 030): the first batch is read before answering, so a
 * database that is away gives its 503 page rather than a download cut short.
 */
export async function tableResponse({
  format,
  filename,
  sheet,
  header,
  rows,
  language,
  openData = true,
  signal,
}: {
  format: ExportFormat;
  /** Without extension: `ortaq-ratings`. */
  filename: string;
  /** The sheet's name in the spreadsheet, in the reader's language. */
  sheet: string;
  header: string[];
  rows: ExportCell[][] | AsyncIterable<ExportCell[][]>;
  language: string;
  /** False for private data, which the open data's licence does not cover. */
  openData?: boolean;
  /** The request's: once the reader has gone, no more batches are read. */
  signal?: AbortSignal;
}) {
  const batches = (Array.isArray(rows) ? [rows] : rows) as Iterable<ExportCell[][]> | AsyncIterable<ExportCell[][]>;
  const rest = (Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : toAsync(batches[Symbol.iterator]())) as AsyncIterator<
    ExportCell[][]
  >;
  const first = await rest.next();
  const firstRows = first.done ? [] : first.value;
  const all = allBatches(firstRows, first.done ? null : rest, signal);
  if (format === "csv") {
    const style = csvStyleFor(language);
    return csvResponse(
      `${filename}.csv`,
      textStream(CSV_START + csvLines([header], style), all, (batch) => csvLines(batch, style)),
      {
        openData,
      },
    );
  }
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(8, h.length + 2, ...firstRows.slice(0, 200).map((r) => String(r[i] ?? "").length + 2))),
  );
  const body = xlsxStream({ sheet, header, widths, rightToLeft: directionOf(language) === "rtl" }, all);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}

/**
 * The first batch, then the rest as they are read; stopping early stops reading the rest, and so does
 * the reader going away (the server keeps taking the body of a response nobody receives any more).
 */
async function* allBatches<T>(first: T, rest: AsyncIterator<T> | null, signal?: AbortSignal): AsyncGenerator<T> {
  yield first;
  if (!rest) return;
  try {
    for (;;) {
      // Nobody receives the rest: end without reading it (and without an error to log).
      if (signal?.aborted) return;
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

/** `start`, then each batch as text, as UTF-8 bytes read one batch at a time. */
function textStream<T>(start: string, batches: AsyncIterable<T>, text: (batch: T) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(start));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(text(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** An export whose address asks for something not understood: 400 with the reason, in the reader's language. */
export function badExportRequest(message: string) {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
