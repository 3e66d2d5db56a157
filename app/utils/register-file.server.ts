// Reading a national register of social enterprises as its authority publishes it: an .xlsx
// workbook (first sheet) or a CSV (`,` `;` or tab, UTF-8 with or without a byte-order mark, or
// Windows-1251), received into memory under a size limit, its type read from its
// content. The result is a table of text cells; which column holds what is decided afterwards
// (guessRegisterColumns, then the importer).
import { readSheet } from "read-excel-file/node";
import { getEnv } from "./env.server";
import { readMultipartForm } from "./multipart.server";

/** The largest register file accepted (official registers run to a few thousand rows). */
export const REGISTER_MAX_ROWS = 50_000;
const MAX_COLUMNS = 100;
const MAX_CELL = 1_000;
// A workbook whose parts unpack to more than this is refused before it is read (a "zip bomb").
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type RegisterUploadProblem =
  "missing" | "empty" | "too_large" | "bad_type" | "unreadable" | "no_rows" | "too_many_rows" | "malformed";

export interface RegisterUpload {
  fileName: string;
  bytes: Buffer;
}

/** The name a person gave the file, for the import log only: no path, no control characters, not too long. */
export function cleanRegisterFileName(name: string) {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.slice(-150) || "register";
}

/**
 * Reads a multipart form with one file (field `file`) and small text fields. The file is kept in
 * memory and counted as it arrives: past the setting REGISTER_MAX_BYTES (5 MB unless set) the rest is read and dropped.
 */
export async function receiveRegisterUpload(
  request: Request,
  maxBytes = getEnv().REGISTER_MAX_BYTES,
): Promise<{ formData: FormData; file: RegisterUpload | null; problem: RegisterUploadProblem | null }> {
  const formData = new FormData();
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes * 4 + 1_000_000) return { formData, file: null, problem: "too_large" };
  const state: { file: RegisterUpload | null; problem: RegisterUploadProblem | null; taken: boolean } = {
    file: null,
    problem: null,
    taken: false,
  };
  const form = await readMultipartForm(request, { fields: 20, fieldSize: 10_000, parts: 25 }, (stream, info) => {
    if (!info.filename || state.taken) return null;
    state.taken = true;
    return (async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size <= maxBytes) chunks.push(chunk);
      }
      if (size > maxBytes) state.problem = "too_large";
      else if (size === 0) state.problem = "empty";
      else state.file = { fileName: cleanRegisterFileName(info.filename ?? ""), bytes: Buffer.concat(chunks) };
    })();
  });
  if (!form) return { formData, file: null, problem: state.problem ?? "malformed" };
  if (form.badField) return { formData: form.formData, file: null, problem: "malformed" };
  return { formData: form.formData, file: state.file, problem: state.file ? null : (state.problem ?? "missing") };
}

/** The declared unpacked size of a ZIP archive's entries and their names; null when it is not a well-formed ZIP. */
function zipDirectory(bytes: Buffer): { names: string[]; unpacked: number } | null {
  const from = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  let at = bytes.readUInt32LE(end + 16);
  if (at + directorySize > bytes.length) return null;
  const names: string[] = [];
  let unpacked = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    unpacked += bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { names, unpacked };
}

export type RegisterFileKind = "xlsx" | "csv";

/** What kind of register file the bytes hold, read from the content: an Office Open XML workbook without macros, or text. */
export function detectRegisterFileKind(bytes: Buffer): RegisterFileKind | null {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const zip = zipDirectory(bytes);
    if (!zip || !zip.names.includes("[Content_Types].xml") || !zip.names.includes("xl/workbook.xml")) return null;
    if (zip.names.some((name) => /vbaProject\.bin$/i.test(name)) || zip.unpacked > MAX_UNPACKED_BYTES) return null;
    return "xlsx";
  }
  return decodeText(bytes) === null ? null : "csv";
}

/** The text of a CSV: UTF-8 (a byte-order mark dropped), else Windows-1251 as older exports use; null for binary content. */
export function decodeText(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1251").decode(bytes);
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  // Text has no NUL and hardly any other control characters.
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f]/g)?.length ?? 0;
  if (text.includes("\u0000") || controls > text.length / 100) return null;
  return text;
}

/** The separator of a CSV: whichever of `;` `,` and tab splits its first lines most evenly (quoted text ignored). */
export function detectSeparator(text: string): "," | ";" | "\t" {
  const lines = text
    .replace(/"[^"]*"/g, "")
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim())
    .slice(0, 10);
  let best: "," | ";" | "\t" = ",";
  let bestScore = 0;
  for (const separator of [";", "\t", ","] as const) {
    const counts = lines.map((line) => line.split(separator).length - 1);
    const min = Math.min(...counts);
    const score = min > 0 ? min * 10 + counts.filter((c) => c === counts[0]).length : counts[0] ? 1 : 0;
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** The rows of a CSV (RFC 4180 quoting: `"a ""b"""`, separators and line breaks inside quotes). */
export function parseCsv(text: string, separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === separator) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD, whole numbers without exponent. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US", { useGrouping: false }) : String(value);
  return String(value);
}

export type RegisterTable = { ok: true; kind: RegisterFileKind; rows: string[][] } | { ok: false; problem: RegisterUploadProblem };

/** The file's cells as text, blank rows dropped; each problem a person can act on is named. */
export async function readRegisterTable(bytes: Buffer): Promise<RegisterTable> {
  const kind = detectRegisterFileKind(bytes);
  if (!kind) return { ok: false, problem: "bad_type" };
  let raw: string[][];
  if (kind === "xlsx") {
    try {
      const sheet = await readSheet(bytes);
      raw = sheet.map((row) => row.map(cellText));
    } catch {
      return { ok: false, problem: "unreadable" };
    }
  } else {
    raw = parseCsv(decodeText(bytes)!);
  }
  const rows = raw
    .map((row) => row.slice(0, MAX_COLUMNS).map((cell) => cell.replace(/\s+/g, " ").trim().slice(0, MAX_CELL)))
    .filter((row) => row.some((cell) => cell !== ""));
  if (rows.length < 2) return { ok: false, problem: "no_rows" };
  if (rows.length > REGISTER_MAX_ROWS + 20) return { ok: false, problem: "too_many_rows" };
  return { ok: true, kind, rows };
}
