// Needs no database.
import { strFromU8, unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/node";
import { expect, test } from "vitest";
import { sheetName, xlsxStream, type SheetCell, type SheetLayout } from "./xlsx.server";

const layout = (overrides: Partial<SheetLayout> = {}): SheetLayout => ({
  sheet: "Ratings",
  header: ["Name", "Score", "Note"],
  widths: [20, 8, 30],
  rightToLeft: false,
  ...overrides,
});

async function* inBatches(batches: SheetCell[][][], pulled: number[] = []) {
  for (const [index, batch] of batches.entries()) {
    pulled.push(index);
    yield batch;
  }
}

const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

test("a spreadsheet's rows come from every batch, text as text and numbers as numbers, empty cells in their place", async () => {
  const file = await bytesOf(
    xlsxStream(
      layout(),
      inBatches([
        [
          ["Ақжол тігін", 63.5, 'A & B <ltd> "quoted"'],
          ["Café", null, "  spaces kept  "],
        ],
        [],
        [["کار خانگی", 0, ""]],
      ]),
    ),
  );
  const [sheet] = await readXlsxFile(Buffer.from(file));
  expect(sheet!.data).toEqual([
    ["Name", "Score", "Note"],
    ["Ақжол тігін", 63.5, 'A & B <ltd> "quoted"'],
    // read-excel-file trims text; the file itself keeps the spaces (below).
    ["Café", null, "spaces kept"],
    ["کار خانگی", 0, null],
  ]);
  expect(sheet!.sheet).toBe("Ratings");
  expect(strFromU8(unzipSync(file)["xl/worksheets/sheet1.xml"]!)).toContain('<t xml:space="preserve">  spaces kept  </t>');
});

test("text XML cannot hold is left out, a number that is not finite is an empty cell, and the file still opens", async () => {
  const file = await bytesOf(xlsxStream(layout(), inBatches([[["bell\u0007 and \u0000null", Number.NaN, "\uD800 lone"]]])));
  const [sheet] = await readXlsxFile(Buffer.from(file));
  expect(sheet!.data[1]).toEqual(["bell and null", null, "lone"]);
});

test("the header is bold and kept in view, the columns have their widths, and right-to-left languages read from the right", async () => {
  const parts = unzipSync(await bytesOf(xlsxStream(layout({ rightToLeft: true }), inBatches([[["a", 1, "b"]]]))));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  expect(sheet).toContain('rightToLeft="1"');
  expect(sheet).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
  expect(sheet).toContain('<col min="2" max="2" width="8" customWidth="1"/>');
  // The header's cells use style 1, which is the bold font.
  expect(sheet).toMatch(/<row r="1"><c r="A1" s="1" t="inlineStr">/);
  expect(strFromU8(parts["xl/styles.xml"]!)).toMatch(/<font><b\/>.*<\/font><\/fonts>/);
  const leftToRight = unzipSync(await bytesOf(xlsxStream(layout(), inBatches([[["a", 1, "b"]]]))));
  expect(strFromU8(leftToRight["xl/worksheets/sheet1.xml"]!)).not.toContain("rightToLeft");
});

test("a sheet's name follows Excel's rules: at most 31 characters, none of : \\ / ? * [ ]", async () => {
  expect(sheetName("Ratings: KZ/KG [2026]?")).toBe("Ratings  KZ KG  2026  ");
  expect(sheetName("x".repeat(40))).toHaveLength(31);
  expect(sheetName("")).toBe("Ortaq");
  const file = await bytesOf(xlsxStream(layout({ sheet: "A & B: <1>" }), inBatches([[]])));
  expect((await readXlsxFile(Buffer.from(file)))[0]!.sheet).toBe("A & B  <1>");
});

test("columns past Z are addressed AA, AB…, as Excel does", async () => {
  const header = Array.from({ length: 30 }, (_, i) => `c${i + 1}`);
  const file = await bytesOf(xlsxStream(layout({ header, widths: [] }), inBatches([[Array.from({ length: 30 }, (_, i) => i + 1)]])));
  const sheet = strFromU8(unzipSync(file)["xl/worksheets/sheet1.xml"]!);
  expect(sheet).toContain('<c r="AA2"><v>27</v></c>');
  expect(sheet).toContain('<c r="AD2"><v>30</v></c>');
  const [read] = await readXlsxFile(Buffer.from(file));
  expect(read!.data[1]).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
});

test("batches are read as the file is taken, and no longer once the reader stops", async () => {
  const pulled: number[] = [];
  // Rows long enough that each batch gives compressed bytes of its own.
  const batch = (n: number) => Array.from({ length: 2000 }, (_, i) => [`row ${n}-${i} ${"x".repeat(40)}`, i, crypto.randomUUID()]);
  const stream = xlsxStream(layout(), inBatches([batch(0), batch(1), batch(2), batch(3), batch(4), batch(5)], pulled));
  const reader = stream.getReader();
  await reader.read();
  expect(pulled.length).toBeLessThan(6);
  await reader.cancel();
  const after = pulled.length;
  expect(after).toBeLessThan(6);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(pulled).toHaveLength(after);
});

test("a batch that fails fails the stream, so the download stops instead of ending as if complete", async () => {
  async function* failing() {
    yield [["first", 1, "ok"]] as SheetCell[][];
    throw new Error("the database went away");
  }
  await expect(bytesOf(xlsxStream(layout(), failing()))).rejects.toThrow("the database went away");
});
