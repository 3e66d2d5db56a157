import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import { getEnv } from "~/utils/env.server";

/**
 * Where evidence and learning files live once their content has been checked: the local folder
 * EVIDENCE_DIR (the default), or an S3-compatible bucket (EVIDENCE_S3_URL) that every server of an
 * installation reaches. Uploads are always received and checked in EVIDENCE_DIR first.
 */
export interface EvidenceStore {
  /** What the store is, for messages: the folder or the bucket's address. */
  readonly where: string;
  /** Takes a checked file from the local folder into the store under `name`; the local file is gone afterwards. */
  keep(name: string, localFile: string, contentType: string): Promise<void>;
  /** A stored file's content and size; null when there is none of that name. */
  open(name: string): Promise<{ content: Readable; size: number } | null>;
  /** Deletes a stored file; nothing happens when there is none. */
  remove(name: string): Promise<void>;
  /** Every stored name (for backups). */
  list(): Promise<string[]>;
}

/** Only names the server gave (36 hex digits): never a path, never another object of the bucket. */
export function isStorageName(name: string) {
  return /^[0-9a-f]{36}$/.test(name);
}

function checkedName(name: string) {
  if (!isStorageName(name)) throw new Error("Not an evidence file name");
  return name;
}

/** A folder: the evidence folder itself (files keep their names, mode 600). */
export function folderStore(dir: string): EvidenceStore {
  return {
    where: dir,
    async keep(name, localFile) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await rename(localFile, path.join(dir, checkedName(name)));
    },
    async open(name) {
      const file = path.join(dir, checkedName(name));
      const info = await stat(file).catch(() => null);
      return info?.isFile() ? { content: createReadStream(file), size: info.size } : null;
    },
    async remove(name) {
      await unlink(path.join(dir, checkedName(name))).catch(() => undefined);
    },
    async list() {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries.filter((entry) => entry.isFile() && isStorageName(entry.name)).map((entry) => entry.name);
    },
  };
}

export class EvidenceStoreError extends Error {}

/**
 * An S3-compatible bucket (Amazon S3, MinIO, Ceph, Garage, a cloud's object storage), addressed path
 * style (`https://host/bucket`), with requests signed with AWS Signature Version 4.
 */
export function bucketStore({
  url,
  region,
  accessKeyId,
  secretAccessKey,
}: {
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): EvidenceStore {
  const bucket = url.replace(/\/+$/, "");
  const client = new AwsClient({ accessKeyId, secretAccessKey, region, service: "s3" });
  const objectUrl = (name: string) => `${bucket}/${checkedName(name)}`;
  const fail = async (response: Response, what: string): Promise<never> => {
    const body = await response.text().catch(() => "");
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    throw new EvidenceStoreError(`${what}: the bucket answered ${response.status}${code ? ` (${code})` : ""}`);
  };
  return {
    where: bucket,
    async keep(name, localFile, contentType) {
      // Evidence files are bounded by EVIDENCE_MAX_BYTES: sent in one request, signed with their checksum.
      const body = await readFile(localFile);
      const response = await client.fetch(objectUrl(name), { method: "PUT", body, headers: { "Content-Type": contentType } });
      if (!response.ok) await fail(response, `storing ${name}`);
      await response.arrayBuffer();
      await unlink(localFile).catch(() => undefined);
    },
    async open(name) {
      const response = await client.fetch(objectUrl(name));
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok || !response.body) return fail(response, `reading ${name}`);
      const size = Number(response.headers.get("Content-Length"));
      return { content: Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), size };
    },
    async remove(name) {
      const response = await client.fetch(objectUrl(name), { method: "DELETE" });
      if (!response.ok && response.status !== 404) await fail(response, `deleting ${name}`);
      await response.arrayBuffer();
    },
    async list() {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ "list-type": "2", ...(token ? { "continuation-token": token } : {}) });
        const response = await client.fetch(`${bucket}?${query}`);
        if (!response.ok) await fail(response, "listing the bucket");
        const xml = await response.text();
        for (const [, key] of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) if (isStorageName(key!)) names.push(key!);
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
          ? /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1]
          : undefined;
      } while (token);
      return names;
    },
  };
}

let store: { key: string; value: EvidenceStore } | undefined;

/** The store the settings name (one per process, made again when the settings change, as in tests). */
export function evidenceStore(): EvidenceStore {
  const env = getEnv();
  const key = [
    env.EVIDENCE_DIR,
    env.EVIDENCE_S3_URL,
    env.EVIDENCE_S3_REGION,
    env.EVIDENCE_S3_ACCESS_KEY_ID,
    env.EVIDENCE_S3_SECRET_ACCESS_KEY,
  ].join("\n");
  if (store?.key !== key) {
    const value = env.EVIDENCE_S3_URL
      ? bucketStore({
          url: env.EVIDENCE_S3_URL,
          region: env.EVIDENCE_S3_REGION,
          accessKeyId: env.EVIDENCE_S3_ACCESS_KEY_ID!,
          secretAccessKey: env.EVIDENCE_S3_SECRET_ACCESS_KEY!,
        })
      : folderStore(path.resolve(env.EVIDENCE_DIR));
    store = { key, value };
  }
  return store.value;
}
