import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createReadableStreamFromReadable } from "@remix-run/node";
import CFB from "cfb";
import { getEnv } from "~/utils/env.server";
import { FILE_STORE_UNAVAILABLE } from "~/utils/error-page";
import { evidenceStore, isStorageName } from "~/utils/evidence-store.server";
import { readMultipartForm } from "~/utils/multipart.server";

/** The types of evidence accepted, always read from the file's content, never from its name. */
export const EVIDENCE_TYPES = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export function evidenceSettings() {
  const env = getEnv();
  return { dir: path.resolve(env.EVIDENCE_DIR), maxBytes: env.EVIDENCE_MAX_BYTES };
}

const startsWith = (head: Buffer, bytes: number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

async function readAt(file: string, position: number, length: number) {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The names in a ZIP archive's central directory; null when it is not a well-formed ZIP. */
async function zipEntryNames(file: string, size: number): Promise<string[] | null> {
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(file, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return null;
  const directory = await readAt(file, directoryOffset, directorySize);
  const names: string[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    names.push(directory.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Storages and streams that hold VBA macros in Word (Macros/VBA), Excel (_VBA_PROJECT_CUR/VBA) and other Office files. */
const MACRO_ENTRY = /^(macros|_vba_project_cur|vba|_vba_project|projectwm)$/i;

/**
 * Which of Microsoft's compound-file formats (doc, xls) a file is, read with `cfb` from its directory;
 * null for anything else, a damaged file, or one with macros anywhere inside.
 */
async function compoundFileType(file: string): Promise<EvidenceType | null> {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(await readFile(file), { type: "buffer" });
  } catch {
    return null;
  }
  const entries = container.FullPaths.map((fullPath) => fullPath.split("/").filter(Boolean).slice(1));
  if (entries.some((parts) => parts.some((part) => MACRO_ENTRY.test(part)))) return null;
  const rootNames = new Set(entries.filter((parts) => parts.length === 1).map((parts) => parts[0]!));
  if (rootNames.has("WordDocument")) return "doc";
  if (rootNames.has("Workbook") || rootNames.has("Book")) return "xls";
  return null;
}

/**
 * An OpenDocument text: a whole ZIP archive (its central directory read) whose first entry is `mimetype`,
 * stored uncompressed, holding exactly the text type, with the content and the manifest every ODF
 * document has, and no Basic or script macros.
 */
function isOpenDocumentText(head: Buffer, names: string[]) {
  const odtType = EVIDENCE_TYPES.odt;
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const dataAt = 30 + nameLength + extraLength;
  const stored = head.readUInt16LE(8) === 0 && head.readUInt32LE(18) === odtType.length && head.readUInt32LE(22) === odtType.length;
  if (!stored || head.subarray(30, 30 + nameLength).toString("latin1") !== "mimetype") return false;
  if (head.subarray(dataAt, dataAt + odtType.length).toString("latin1") !== odtType) return false;
  if (!names.includes("content.xml") || !names.includes("META-INF/manifest.xml")) return false;
  return !names.some((name) => /^(Basic|Scripts)\//i.test(name));
}

/**
 * The type of a stored file, read from its content: magic bytes, and for ZIP-based office
 * documents the parts inside. Anything else (executables, scripts, archives, macro-enabled
 * documents, a PDF named .docx or an .exe named .pdf) is null.
 */
export async function detectEvidenceType(file: string): Promise<EvidenceType | null> {
  const { size } = await stat(file);
  const head = await readAt(file, 0, 200);
  if (startsWith(head, ascii("%PDF-"))) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundFileType(file);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = await zipEntryNames(file, size);
    if (!names) return null;
    if (names[0] === "mimetype") return isOpenDocumentText(head, names) ? "odt" : null;
    if (!names.includes("[Content_Types].xml")) return null;
    if (names.some((name) => /vbaProject\.bin$/i.test(name))) return null;
    if (names.includes("word/document.xml")) return "docx";
    if (names.includes("xl/workbook.xml")) return "xlsx";
    if (names.includes("ppt/presentation.xml")) return "pptx";
  }
  return null;
}

export type UploadProblem = "missing" | "empty" | "too_large" | "bad_type" | "malformed";

export interface StoredUpload {
  storageName: string;
  fileName: string;
  size: number;
  type: EvidenceType;
  contentType: string;
}

/** The extensions a detected type may already carry; any other is replaced by the first. */
const EXTENSIONS: Record<EvidenceType, string[]> = {
  pdf: ["pdf"],
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
  webp: ["webp"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  pptx: ["pptx"],
  odt: ["odt"],
  doc: ["doc"],
  xls: ["xls"],
};

/**
 * A name a person gave a file, kept for display and downloads only: no path, no control characters,
 * not too long, and ending in the extension of the type read from its content (`poly.html` holding a
 * PDF is kept as `poly.pdf`), so nothing opens it as what its name pretended.
 */
export function cleanFileName(name: string, type: EvidenceType) {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  // "poly.html" and "x.svg" lose their extension; "Annual report v2.1" keeps its ".1", which is no extension.
  const looksLikeExtension = /^(?=.*[a-z])[a-z0-9]{1,5}$/.test(extension);
  const allowed = EXTENSIONS[type];
  const stem = (looksLikeExtension ? cleaned.slice(0, dot) : cleaned).trim().replace(/[.\s]+$/, "");
  const kept = allowed.includes(extension) ? cleaned.slice(dot + 1) : allowed[0]!;
  return `${(stem || "evidence").slice(-(150 - kept.length - 1))}.${kept}`;
}

const UPLOAD_LIMITS = { fields: 50, fieldSize: 20_000, parts: 60 };

/** Until a stream that refused a write has room again, or fails and closes; neither listener is left behind. */
function roomOrClose(out: Writable) {
  return new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done).off("close", done);
      resolve();
    };
    out.on("drain", done).on("close", done);
  });
}

/** A part's file could not be written where uploads arrive (a full disk, a folder the server may not write): the file store is away, the upload itself was fine. */
export class UploadNotWritten extends Error {
  constructor(cause: unknown) {
    super(`the upload could not be written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "UploadNotWritten";
  }
}

/**
 * Streams one part to a new file under a random name, counting it; past `maxBytes` the rest is read and dropped.
 * A part that fails (a body that ends mid-file, a disk that is full) leaves no file behind; one whose file
 * cannot be written fails with `UploadNotWritten`, the body's own failures with their error.
 */
export async function storePart(stream: Readable, dir: string, maxBytes: number) {
  // Only the evidence folder itself is private: its parents (./data also holds the embedded
  // database, run by another system user) keep the usual permissions.
  try {
    await mkdir(path.dirname(dir), { recursive: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UploadNotWritten(error);
  }
  const storageName = randomBytes(18).toString("hex");
  const temporary = path.join(dir, `${storageName}.part`);
  const out = createWriteStream(temporary, { flags: "wx", mode: 0o600 });
  // A file that cannot be opened or written (a full disk) fails the part, not the process: the rest of
  // the part is read and dropped, as past the size limit, so that the form is still read to its end.
  let failure: Error | undefined;
  out.on("error", (error) => (failure ??= error));
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (tooLarge || failure) continue;
      size += chunk.byteLength;
      if (size > maxBytes) {
        tooLarge = true;
        continue;
      }
      if (!out.write(chunk) && !out.destroyed) await roomOrClose(out);
    }
    if (failure) throw failure;
    out.end();
    await finished(out);
  } catch (error) {
    // The file is opened after the stream is made: a part that failed at once would otherwise be
    // removed before it exists, and its file created after.
    if (!out.closed) await new Promise<void>((resolve) => out.destroy().once("close", () => resolve()));
    await unlink(temporary).catch(() => undefined);
    throw failure && error === failure ? new UploadNotWritten(failure) : error;
  }
  return { storageName, temporary, size, tooLarge };
}

/**
 * Reads a multipart form with one evidence file (field `file`) and small text fields (see
 * readMultipartForm). The file is streamed
 * to EVIDENCE_DIR under a random name and counted as it arrives: past the size limit nothing more is
 * written and the rest of the body is read and thrown away. Its type is then read from its content;
 * a refused file is deleted at once, an accepted one goes to the evidence store once the form is read
 * (a 503 when the file cannot be written where uploads arrive, or the store cannot take it).
 */
export async function receiveEvidenceUpload(
  request: Request,
): Promise<{ formData: FormData | null; file: StoredUpload | null; problem: UploadProblem | null }> {
  const { dir, maxBytes } = evidenceSettings();
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  // Far beyond the limit: refused without reading it.
  if (declared > maxBytes * 4 + 1_000_000) return { formData: null, file: null, problem: "too_large" };
  const malformed = { formData: null, file: null, problem: "malformed" as const };
  const state: {
    file: StoredUpload | null;
    temporary?: string;
    problem: UploadProblem | null;
    taken: boolean;
    notWritten?: UploadNotWritten;
  } = {
    file: null,
    problem: null,
    taken: false,
  };
  const form = await readMultipartForm(request, UPLOAD_LIMITS, (stream, info) => {
    if (state.taken) return null;
    if (!info.filename) {
      state.problem ??= "missing";
      return null;
    }
    state.taken = true;
    return storePart(stream, dir, maxBytes).then(
      async ({ storageName, temporary, size, tooLarge }) => {
        const type = tooLarge || size === 0 ? null : await detectEvidenceType(temporary);
        if (!type) {
          await unlink(temporary).catch(() => undefined);
          state.problem = tooLarge ? "too_large" : size === 0 ? "empty" : "bad_type";
          return;
        }
        state.temporary = temporary;
        state.file = { storageName, fileName: cleanFileName(info.filename ?? "", type), size, type, contentType: EVIDENCE_TYPES[type] };
      },
      (error: unknown) => {
        // Not the person's fault: the rest of the form is read, then answered as the store being away.
        if (!(error instanceof UploadNotWritten)) throw error;
        state.notWritten = error;
      },
    );
  });
  if (state.notWritten) fileStoreUnavailable(state.notWritten);
  if (!form || form.badField) {
    if (state.temporary) await unlink(state.temporary).catch(() => undefined);
    return form ? malformed : { formData: null, file: null, problem: state.problem ?? "malformed" };
  }
  // The whole form has arrived and the file is what it claims: into the store (a folder or a bucket).
  if (state.file && state.temporary) {
    try {
      await evidenceStore().keep(state.file.storageName, state.temporary, state.file.contentType);
    } catch (error) {
      await unlink(state.temporary).catch(() => undefined);
      fileStoreUnavailable(error);
    }
  }
  if (state.file) form.formData.set("file", state.file.storageName);
  return { formData: form.formData, file: state.file, problem: state.file ? null : (state.problem ?? "missing") };
}

/** Logs why a file was not kept (a line, no stack) and answers 503: the error page tells the person that the file store, not the database, is away. */
function fileStoreUnavailable(error: unknown): never {
  console.error(`Evidence file not stored: ${error instanceof Error ? error.message : String(error)}`);
  throw new Response(FILE_STORE_UNAVAILABLE, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function deleteEvidenceFile(storageName: string) {
  await evidenceStore().remove(storageName);
}

/** A download of a stored file: always an attachment, with the type read at upload and no sniffing. */
export async function evidenceFileResponse({
  storageName,
  fileName,
  contentType,
}: {
  storageName: string;
  fileName: string;
  contentType: string;
}) {
  const stored = isStorageName(storageName) ? await evidenceStore().open(storageName) : null;
  if (!stored) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const asciiName = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return new Response(createReadableStreamFromReadable(stored.content), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(stored.size),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
