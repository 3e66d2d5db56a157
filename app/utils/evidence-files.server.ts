import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import {
  createReadableStreamFromReadable,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { getEnv } from "~/utils/env.server";

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

/** Which of Microsoft's compound-file formats (doc, xls) a file is, from the names of its root streams. */
async function compoundFileType(file: string, size: number): Promise<EvidenceType | null> {
  const header = await readAt(file, 0, 512);
  if (header.length < 512) return null;
  const sectorShift = header.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  // The allocation table's sectors listed in the header (109 of them cover files far beyond the size limit).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) {
    const sector = header.readUInt32LE(76 + i * 4);
    if (sector >= 0xfffffffa) break;
    fatSectors.push(sector);
  }
  const perSector = sectorSize / 4;
  const next = async (sector: number) => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return 0xfffffffe;
    const entry = await readAt(file, sectorOffset(fatSector) + (sector % perSector) * 4, 4);
    return entry.length === 4 ? entry.readUInt32LE(0) : 0xfffffffe;
  };
  const names = new Set<string>();
  let sector = header.readUInt32LE(48);
  for (let hops = 0; sector < 0xfffffffa && hops < 1000; hops += 1) {
    if (sectorOffset(sector) + sectorSize > size) return null;
    const block = await readAt(file, sectorOffset(sector), sectorSize);
    for (let at = 0; at + 128 <= block.length; at += 128) {
      const nameBytes = Math.min(block.readUInt16LE(at + 64), 64);
      if (nameBytes >= 2) names.add(block.subarray(at, at + nameBytes - 2).toString("utf16le"));
    }
    sector = await next(sector);
  }
  if (names.has("WordDocument")) return "doc";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  return null;
}

/**
 * The type of a stored file, read from its content: magic bytes, and for ZIP-based office
 * documents the parts inside. Anything else (executables, scripts, archives, macro-enabled
 * documents, a PDF named .docx or an .exe named .pdf) is null.
 */
export async function detectEvidenceType(file: string): Promise<EvidenceType | null> {
  const { size } = await stat(file);
  const head = await readAt(file, 0, 80);
  if (startsWith(head, ascii("%PDF-"))) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundFileType(file, size);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument keeps its type, uncompressed, as the archive's first entry.
    const odtType = "mimetype" + EVIDENCE_TYPES.odt;
    if (head.readUInt16LE(26) === 8 && head.subarray(30, 30 + odtType.length).toString("latin1") === odtType && head.readUInt32LE(18) === EVIDENCE_TYPES.odt.length) {
      return "odt";
    }
    const names = await zipEntryNames(file, size);
    if (!names || !names.includes("[Content_Types].xml")) return null;
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

/** A name a person gave a file, kept for display and downloads only: no path, no control characters, not too long. */
function cleanFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(-150);
  return cleaned || "evidence";
}

/**
 * Reads a multipart form with one evidence file (field `file`) and small text fields. The file
 * is streamed to EVIDENCE_DIR under a random name and counted as it arrives: past the size limit
 * nothing more is written and the rest of the body is read and thrown away. Its type is then
 * read from its content; a refused file is deleted at once.
 */
export async function receiveEvidenceUpload(request: Request): Promise<{ formData: FormData | null; file: StoredUpload | null; problem: UploadProblem | null }> {
  const { dir, maxBytes } = evidenceSettings();
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  // Far beyond the limit: refused without reading it.
  if (declared > maxBytes * 4 + 1_000_000) return { formData: null, file: null, problem: "too_large" };
  const state: { file: StoredUpload | null; problem: UploadProblem | null } = { file: null, problem: null };
  const fileHandler: UploadHandler = async (part) => {
    if (part.name !== "file" || part.filename === undefined) return undefined;
    if (!part.filename || state.file || state.problem) {
      for await (const _chunk of part.data) void _chunk;
      if (!part.filename && !state.file && !state.problem) state.problem = "missing";
      return "";
    }
    // Only the evidence folder itself is private: its parents (./data also holds the embedded
    // database, run by another system user) keep the usual permissions.
    await mkdir(path.dirname(dir), { recursive: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const storageName = randomBytes(18).toString("hex");
    const target = path.join(dir, storageName);
    const temporary = `${target}.part`;
    const out = createWriteStream(temporary, { flags: "wx", mode: 0o600 });
    let size = 0;
    let tooLarge = false;
    try {
      for await (const chunk of part.data) {
        if (tooLarge) continue;
        size += chunk.byteLength;
        if (size > maxBytes) {
          tooLarge = true;
          continue;
        }
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    if (tooLarge || size === 0) {
      await unlink(temporary).catch(() => undefined);
      state.problem = tooLarge ? "too_large" : "empty";
      return "";
    }
    const type = await detectEvidenceType(temporary);
    if (!type) {
      await unlink(temporary).catch(() => undefined);
      state.problem = "bad_type";
      return "";
    }
    await rename(temporary, target);
    state.file = { storageName, fileName: cleanFileName(part.filename), size, type, contentType: EVIDENCE_TYPES[type] };
    return storageName;
  };
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: 20_000 })),
    );
    return { formData, file: state.file, problem: state.file ? null : (state.problem ?? "missing") };
  } catch {
    if (state.file) await deleteEvidenceFile(state.file.storageName);
    return { formData: null, file: null, problem: state.problem ?? "malformed" };
  }
}

function storedPath(storageName: string) {
  if (!/^[0-9a-f]{36}$/.test(storageName)) throw new Error("Not an evidence file name");
  return path.join(evidenceSettings().dir, storageName);
}

export async function deleteEvidenceFile(storageName: string) {
  await unlink(storedPath(storageName)).catch(() => undefined);
}

/** A download of a stored file: always an attachment, with the type read at upload and no sniffing. */
export async function evidenceFileResponse({ storageName, fileName, contentType }: { storageName: string; fileName: string; contentType: string }) {
  const file = storedPath(storageName);
  const info = await stat(file).catch(() => null);
  if (!info) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const asciiName = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return new Response(createReadableStreamFromReadable(createReadStream(file)), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(info.size),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
