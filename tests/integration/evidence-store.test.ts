import { FILE_STORE_UNAVAILABLE } from "~/utils/error-page";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect, test, vi } from "vitest";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { deleteEvidenceFile, evidenceFileResponse, receiveEvidenceUpload } from "~/utils/evidence-files.server";
import { bucketStore, evidenceStore, EvidenceStoreError } from "~/utils/evidence-store.server";
import { SAMPLE_FILES, uploadRequest } from "../helpers/evidence";
import { S3_CREDENTIALS, startS3Server } from "../helpers/s3-server";

// Evidence kept in an S3-compatible bucket (EVIDENCE_S3_URL), as several servers of one installation
// share it: an S3-compatible server (s3rver) on loopback. It refuses an unknown access key; it does not
// check Signature Version 4 itself (the signing is aws4fetch's).

let s3: Awaited<ReturnType<typeof startS3Server>>;
const incoming = mkdtempSync(path.join(tmpdir(), "ortaq-incoming-"));
const SETTINGS = ["EVIDENCE_DIR", "EVIDENCE_S3_URL", "EVIDENCE_S3_ACCESS_KEY_ID", "EVIDENCE_S3_SECRET_ACCESS_KEY"] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  s3 = await startS3Server("ortaq-evidence");
}, 60_000);
beforeEach(() => {
  process.env.EVIDENCE_DIR = incoming;
  process.env.EVIDENCE_S3_URL = s3.bucketUrl;
  process.env.EVIDENCE_S3_ACCESS_KEY_ID = S3_CREDENTIALS.accessKeyId;
  process.env.EVIDENCE_S3_SECRET_ACCESS_KEY = S3_CREDENTIALS.secretAccessKey;
  resetEnvCache();
});
afterAll(async () => {
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnvCache();
  await s3.stop();
});

const localFiles = () => readdirSync(incoming).filter((name) => !name.startsWith("."));

test("an uploaded file goes to the bucket, not the local folder, and comes back from it whole until it is deleted", async () => {
  const upload = await receiveEvidenceUpload(
    uploadRequest("/upload", { questionId: "gt_registered" }, { name: "отчёт.pdf", bytes: SAMPLE_FILES.pdf }),
  );
  expect(upload.problem).toBeNull();
  const stored = upload.file!;
  expect(stored).toMatchObject({ fileName: "отчёт.pdf", type: "pdf", size: SAMPLE_FILES.pdf.length });
  // Only the bucket holds it: another server of the installation reads it from there.
  expect(localFiles()).toEqual([]);
  expect(await evidenceStore().list()).toContain(stored.storageName);

  const download = await evidenceFileResponse(stored);
  expect(download.status).toBe(200);
  expect(download.headers.get("Content-Length")).toBe(String(SAMPLE_FILES.pdf.length));
  expect(download.headers.get("Content-Disposition")).toContain(encodeURIComponent("отчёт.pdf"));
  expect(Buffer.from(await download.arrayBuffer()).equals(SAMPLE_FILES.pdf)).toBe(true);

  await deleteEvidenceFile(stored.storageName);
  expect(await evidenceStore().list()).not.toContain(stored.storageName);
  const gone = await evidenceFileResponse(stored).catch((thrown: unknown) => thrown);
  expect(gone).toBeInstanceOf(Response);
  expect((gone as Response).status).toBe(404);
});

test("a refused file never reaches the bucket, and leaves nothing behind locally", async () => {
  const before = await evidenceStore().list();
  const upload = await receiveEvidenceUpload(uploadRequest("/upload", {}, { name: "report.pdf", bytes: SAMPLE_FILES.exe }));
  expect(upload.problem).toBe("bad_type");
  expect(await evidenceStore().list()).toEqual(before);
  expect(localFiles()).toEqual([]);
});

test("a bucket that refuses the server's credentials: the upload answers 503 and keeps no file anywhere", async () => {
  process.env.EVIDENCE_S3_ACCESS_KEY_ID = "NOT-A-KEY";
  resetEnvCache();
  // The server's log says why (a line, no stack).
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const before = await bucketStore({ url: s3.bucketUrl, region: "us-east-1", ...S3_CREDENTIALS }).list();
  const refused = await receiveEvidenceUpload(uploadRequest("/upload", {}, { name: "report.pdf", bytes: SAMPLE_FILES.pdf })).catch(
    (thrown: unknown) => thrown,
  );
  expect(refused).toBeInstanceOf(Response);
  expect((refused as Response).status).toBe(503);
  // The error page tells the person the file store is away (not the database).
  expect(await (refused as Response).text()).toBe(FILE_STORE_UNAVAILABLE);
  expect(logged).toHaveBeenCalledWith(
    expect.stringMatching(/^Evidence file not stored: storing [0-9a-f]{36}: the bucket answered 403 \(InvalidAccessKeyId\)$/),
  );
  expect(localFiles()).toEqual([]);
  expect(await bucketStore({ url: s3.bucketUrl, region: "us-east-1", ...S3_CREDENTIALS }).list()).toEqual(before);
  // The store says what the bucket answered.
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ortaq-probe-")), "probe");
  writeFileSync(file, "x");
  await expect(evidenceStore().keep("0".repeat(36), file, "text/plain")).rejects.toThrow(EvidenceStoreError);
  await expect(evidenceStore().keep("0".repeat(36), file, "text/plain")).rejects.toThrow(/403/);
});

test("the store takes only names the server gave, never a path or another object of the bucket", async () => {
  const store = evidenceStore();
  await expect(store.open("../other-bucket/x")).rejects.toThrow("Not an evidence file name");
  await expect(store.remove("?list-type=2")).rejects.toThrow("Not an evidence file name");
  const download = await evidenceFileResponse({ storageName: "../../etc/passwd", fileName: "x.pdf", contentType: "application/pdf" }).catch(
    (thrown: unknown) => thrown,
  );
  expect((download as Response).status).toBe(404);
});

test("EVIDENCE_S3_URL without its keys, or not a bucket's address, stops start-up with a message naming them", () => {
  delete process.env.EVIDENCE_S3_SECRET_ACCESS_KEY;
  resetEnvCache();
  expect(() => getEnv()).toThrow(/EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY/);
  process.env.EVIDENCE_S3_SECRET_ACCESS_KEY = S3_CREDENTIALS.secretAccessKey;
  process.env.EVIDENCE_S3_URL = "https://s3.example.org";
  resetEnvCache();
  expect(() => getEnv()).toThrow(/EVIDENCE_S3_URL: must be the bucket's/);
});
