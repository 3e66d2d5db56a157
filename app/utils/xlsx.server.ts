import { Zip, ZipDeflate } from "fflate";

/**
 * A spreadsheet (.xlsx, Office Open XML) written as its rows come, a batch at a time, so an export of
 * the whole directory never holds more than one batch: one sheet, a bold header row kept in view,
 * column widths, right to left for right-to-left languages, text as text and numbers as numbers
 * (docs/decisions/030-streamed-exports.md).
 */

export type SheetCell = string | number | null | undefined;

export interface SheetLayout {
  /** The sheet's name; Excel's rules (31 characters, none of : \ / ? * [ ]) are applied here. */
  sheet: string;
  header: string[];
  /** Each column's width in characters. */
  widths: number[];
  rightToLeft: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string) {
  return text.replace(NOT_XML, "").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string) {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Ortaq";
}

/** A, B, … Z, AA, AB, …: the column part of a cell's address. */
function columnName(index: number) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function rowXml(cells: SheetCell[], row: number, columns: string[], style = "") {
  let xml = `<row r="${row}">`;
  cells.forEach((value, index) => {
    const ref = `${columns[index] ?? columnName(index)}${row}`;
    if (typeof value === "number") {
      if (Number.isFinite(value)) xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
    } else if (value !== null && value !== undefined && value !== "") {
      xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
    }
  });
  return `${xml}</row>`;
}

/** Everything but the sheet's rows: the package's parts, the workbook, the styles (1: bold). */
function fixedParts(layout: SheetLayout): [string, string][] {
  return [
    [
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="${xmlText(sheetName(layout.sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      "xl/styles.xml",
      `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
  ];
}

function sheetStart(layout: SheetLayout, columns: string[]) {
  const view = `<sheetViews><sheetView workbookViewId="0"${layout.rightToLeft ? ' rightToLeft="1"' : ""}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`;
  const cols = layout.widths.length
    ? `<cols>${layout.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">${view}${cols}<sheetData>${rowXml(layout.header, 1, columns, ' s="1"')}`;
}

/**
 * The spreadsheet's bytes as a stream: the rows of `batches` are read one batch at a time, as the
 * reader takes the file, and compressed as they go. Stopping the stream (a download cancelled) stops
 * reading the batches.
 */
export function xlsxStream(layout: SheetLayout, batches: AsyncIterable<SheetCell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const columns = layout.header.map((_, i) => columnName(i));
  const iterator = batches[Symbol.asyncIterator]();
  let ready: Uint8Array[] = [];
  let failure: Error | null = null;
  let nextRow = 2;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  return new ReadableStream<Uint8Array>({
    start() {
      for (const [name, text] of fixedParts(layout)) {
        const part = new ZipDeflate(name, { level: 6 });
        zip.add(part);
        part.push(encoder.encode(text), true);
      }
      zip.add(sheet);
      sheet.push(encoder.encode(sheetStart(layout, columns)));
    },
    async pull(controller) {
      // Compression gives bytes in bursts: read batches until some are ready, so every pull answers.
      while (ready.length === 0) {
        const next = await iterator.next();
        if (next.done) {
          sheet.push(encoder.encode("</sheetData></worksheet>"), true);
          zip.end();
        } else {
          sheet.push(encoder.encode(next.value.map((cells) => rowXml(cells, nextRow++, columns)).join("")));
        }
        if (failure) throw failure;
        if (next.done) {
          for (const chunk of ready) controller.enqueue(chunk);
          controller.close();
          return;
        }
      }
      for (const chunk of ready) controller.enqueue(chunk);
      ready = [];
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
