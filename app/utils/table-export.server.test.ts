// Needs no database.
import readXlsxFile from "read-excel-file/node";
import { expect, test } from "vitest";
import { toCsv } from "./csv";
import { tableResponse } from "./table-export.server";

type Row = (string | number | null)[];
const header = ["Name", "Score"];
const pages: Row[][] = [
  [
    ["Ақжол; тігін", 63.5],
    ["Bereke", null],
  ],
  [["=SUM(A1)", 40]],
];

/** The pages one at a time, noting which were read. */
function reading(read: number[], fail = false) {
  return (async function* () {
    for (const [index, page] of pages.entries()) {
      if (fail && index === 1) throw new Error("the database went away");
      read.push(index);
      yield page;
    }
  })();
}

/** The body as text, its byte-order mark kept (Response.text() drops it). */
const textOf = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());

test("batches sent as CSV make the very file the whole list makes, in the reader's style", async () => {
  for (const language of ["ru", "en"]) {
    const streamed = await tableResponse({ format: "csv", filename: "t", sheet: "T", header, rows: reading([]), language });
    const whole = await tableResponse({ format: "csv", filename: "t", sheet: "T", header, rows: pages.flat(), language });
    const text = await textOf(streamed);
    expect(text).toBe(await textOf(whole));
    expect(text).toBe(toCsv(header, pages.flat(), language === "ru" ? { separator: ";", decimalComma: true } : {}));
    expect(streamed.headers.get("Content-Disposition")).toBe('attachment; filename="t.csv"');
  }
});

test("an export answers once its first batch is read, and reads the rest as the file is taken", async () => {
  for (const format of ["csv", "xlsx"] as const) {
    const read: number[] = [];
    const response = await tableResponse({ format, filename: "t", sheet: "T", header, rows: reading(read), language: "en" });
    expect(read, format).toEqual([0]);
    const body = Buffer.from(await response.arrayBuffer());
    expect(read, format).toEqual([0, 1]);
    if (format === "xlsx") expect((await readXlsxFile(body))[0]!.data).toEqual([header, ...pages.flat()]);
  }
});

test("a first batch that cannot be read is an error before any answer, so the page for it (503) can be given", async () => {
  const failingFirst = (async function* () {
    throw new Error("the database went away");
    yield [] as Row[];
  })();
  await expect(tableResponse({ format: "xlsx", filename: "t", sheet: "T", header, rows: failingFirst, language: "en" })).rejects.toThrow(
    "the database went away",
  );
});

test("a later batch that cannot be read stops the download with an error instead of ending it as if complete", async () => {
  const response = await tableResponse({ format: "csv", filename: "t", sheet: "T", header, rows: reading([], true), language: "en" });
  await expect(response.text()).rejects.toThrow("the database went away");
});

test("once the reader has gone (the request aborted), no more batches are read", async () => {
  const read: number[] = [];
  const gone = new AbortController();
  const response = await tableResponse({
    format: "csv",
    filename: "t",
    sheet: "T",
    header,
    rows: reading(read),
    language: "en",
    signal: gone.signal,
  });
  gone.abort();
  expect((await response.text()).trimEnd().split("\r\n")).toHaveLength(1 + pages[0]!.length);
  expect(read).toEqual([0]);
});
