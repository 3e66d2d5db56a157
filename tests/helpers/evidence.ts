import CFB from "cfb";
import { crc32 } from "node:zlib";

/** A ZIP archive with stored (uncompressed) entries, in the order given. */
export function makeZip(entries: Record<string, string | Buffer>) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A compound file (the container of .doc, .xls, .msi), written by `cfb`, holding the given streams ("Macros/VBA/Module1" makes storages). */
export function makeCompoundFile(streams: string[]) {
  const container = CFB.utils.cfb_new();
  for (const stream of streams) CFB.utils.cfb_add(container, `/${stream}`, Buffer.alloc(600, 0x41));
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

export const SAMPLE_FILES = {
  pdf: Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), Buffer.alloc(2000, 0x20), Buffer.from("\n%%EOF\n")]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 2)]),
  webp: Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 1, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(500, 3)]),
  docx: makeZip({ "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", "word/document.xml": "<w:document/>" }),
  xlsx: makeZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }),
  pptx: makeZip({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<presentation/>" }),
  odt: makeZip({ mimetype: ODT_MIMETYPE, "content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest:manifest/>" }),
  doc: makeCompoundFile(["WordDocument", "1Table"]),
  xls: makeCompoundFile(["Workbook"]),
  /** A Windows executable, as someone might rename it to look like a report. */
  exe: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58, 0), Buffer.from("PE\u0000\u0000"), Buffer.alloc(400, 0x90)]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(400, 0)]),
  script: Buffer.from("#!/bin/sh\nrm -rf /\n"),
  html: Buffer.from("<html><script>alert(1)</script></html>"),
  plainZip: makeZip({ "payload.exe": "MZ" }),
  macroDocument: makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "word/vbaProject.bin": "macro" }),
  msi: makeCompoundFile(["SummaryInformation"]),
  /** A Word 97 document with VBA macros: its Macros storage holds the VBA project. */
  macroDoc: makeCompoundFile(["WordDocument", "1Table", "Macros/VBA/ThisDocument", "Macros/VBA/_VBA_PROJECT", "Macros/PROJECT"]),
  /** An Excel 97 workbook with VBA macros, kept in _VBA_PROJECT_CUR. */
  macroXls: makeCompoundFile(["Workbook", "_VBA_PROJECT_CUR/VBA/Module1", "_VBA_PROJECT_CUR/VBA/_VBA_PROJECT"]),
  /** An OpenDocument header followed by anything at all: not a whole archive. */
  odtHeaderOnly: Buffer.concat([
    makeZip({ mimetype: ODT_MIMETYPE }).subarray(0, 30 + 8 + ODT_MIMETYPE.length),
    Buffer.from("<html><script>alert(1)</script></html>"),
  ]),
  /** An OpenDocument text with Basic macros. */
  odtWithMacros: makeZip({
    mimetype: ODT_MIMETYPE,
    "content.xml": "<office:document-content/>",
    "META-INF/manifest.xml": "<manifest:manifest/>",
    "Basic/Standard/Module1.xml": "<script:module/>",
  }),
  /** An archive that says it is an OpenDocument text but has no content. */
  odtWithoutContent: makeZip({ mimetype: ODT_MIMETYPE, "payload.exe": "MZ" }),
};

/** A multipart POST as a browser sends a file form. */
export function uploadRequest(
  path: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string } | null,
  cookie?: string,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}
