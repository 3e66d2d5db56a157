import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** The credentials s3rver accepts (it refuses another access key id; it does not check Signature Version 4 itself). */
export const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** An S3-compatible server on loopback, on a port of its own, with one empty bucket; its data in a temporary folder. */
export async function startS3Server(bucket: string) {
  const directory = mkdtempSync(path.join(tmpdir(), "ortaq-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    bucketUrl: `http://127.0.0.1:${port}/${bucket}`,
    /** Where s3rver keeps the bucket's objects on disk. */
    directory,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
