// Needs no database.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { expect, test, vi } from "vitest";
import { FILE_STORE_UNAVAILABLE } from "~/utils/error-page";
import { getEnv } from "~/utils/env.server";
import { receiveEvidenceUpload, storePart, UploadNotWritten } from "~/utils/evidence-files.server";

// A disk that is full: what a test sets here is written to /dev/full instead, where every write fails.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const createWriteStream = ((file: string, options: object) =>
    disk.full ? fs.createWriteStream("/dev/full", { flags: "w" }) : fs.createWriteStream(file, options)) as typeof fs.createWriteStream;
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

const folder = () => mkdtempSync(path.join(tmpdir(), "ortaq-parts-"));

test("a part whose body fails at once is refused and leaves no file, even though its file is opened after the failure", async () => {
  const dir = folder();
  // Fails on the first read, before the file's opening has even begun.
  const failing = () =>
    ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error("Unexpected end of form")) }),
    }) as unknown as Readable;
  for (let attempt = 0; attempt < 20; attempt++) {
    await expect(storePart(failing(), dir, 1000)).rejects.toThrow("Unexpected end of form");
  }
  expect(readdirSync(dir)).toEqual([]);
});

test("a part that fails after some of it was written leaves no file", async () => {
  const dir = folder();
  const stream = new PassThrough();
  stream.on("error", () => undefined);
  const stored = storePart(stream, dir, 1000);
  stream.write(Buffer.from("%PDF-1.7 the first part"));
  setTimeout(() => stream.destroy(new Error("Unexpected end of form")), 20);
  await expect(stored).rejects.toThrow("Unexpected end of form");
  expect(readdirSync(dir)).toEqual([]);
});

test("a whole part is kept under its random name, counted", async () => {
  const dir = folder();
  const stored = await storePart(Readable.from([Buffer.from("%PDF-1.7 "), Buffer.from("all of it")]), dir, 1000);
  expect(stored).toMatchObject({ size: 18, tooLarge: false });
  expect(readdirSync(dir)).toEqual([`${stored.storageName}.part`]);
});

test("a part that cannot be written (a full disk) is refused with the error, without ending the process or waiting for ever", async () => {
  const dir = folder();
  disk.full = true;
  try {
    // Larger than a stream's buffer, so that writing waits for room that never comes.
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(64 * 1024, 1));
    const notWritten = { name: "UploadNotWritten", cause: expect.objectContaining({ code: "ENOSPC" }) };
    await expect(storePart(Readable.from(chunks), dir, 10 * 1024 * 1024)).rejects.toMatchObject(notWritten);
    await expect(storePart(Readable.from([Buffer.from("%PDF-1.7 small")]), dir, 1000)).rejects.toBeInstanceOf(UploadNotWritten);
  } finally {
    disk.full = false;
  }
  expect(readdirSync(dir)).toEqual([]);
});

test("a large part waits for the disk many times without piling up listeners on its file", async () => {
  const dir = folder();
  const warnings: Error[] = [];
  const warned = (warning: Error) => warnings.push(warning);
  process.on("warning", warned);
  try {
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 1));
    const stored = await storePart(Readable.from(chunks), dir, 10 * 1024 * 1024);
    expect(stored).toMatchObject({ size: 64 * 64 * 1024, tooLarge: false });
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", warned);
  }
  expect(warnings.map((warning) => warning.name)).not.toContain("MaxListenersExceededWarning");
});

test("an upload that meets a full disk is answered 503 (the file store is away), not as a malformed form, and keeps nothing", async () => {
  const form = new FormData();
  form.append("note", "the annual report");
  form.append("file", new Blob([Buffer.concat([Buffer.from("%PDF-1.7 "), Buffer.alloc(200 * 1024, 1)])]), "report.pdf");
  const before = readdirSync(getEnv().EVIDENCE_DIR);
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  disk.full = true;
  try {
    const refused = await receiveEvidenceUpload(new Request("http://localhost/upload", { method: "POST", body: form })).catch(
      (thrown: unknown) => thrown,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    expect(await (refused as Response).text()).toBe(FILE_STORE_UNAVAILABLE);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Evidence file not stored: the upload could not be written: ENOSPC/));
  } finally {
    disk.full = false;
    logged.mockRestore();
  }
  expect(readdirSync(getEnv().EVIDENCE_DIR)).toEqual(before);
});
