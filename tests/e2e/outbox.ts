import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser } from "mailparser";

/** The e2e server has no SMTP_URL: it writes each message to this folder (see playwright.config.ts). */
export const OUTBOX_DIR = path.resolve(`data/e2e-outbox-${process.env.E2E_PORT ?? 3100}`);

async function newestLinkTo(address: string, pathPrefix: string, after: number): Promise<string | null> {
  const names = (await readdir(OUTBOX_DIR).catch(() => [] as string[]))
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .reverse();
  for (const name of names) {
    const raw = await readFile(path.join(OUTBOX_DIR, name));
    if (!raw.includes(address)) continue;
    const mail = await simpleParser(raw);
    if ((mail.date?.getTime() ?? 0) < after) continue;
    const link = new RegExp(`https?://[^\\s<>"]+${pathPrefix}[^\\s<>"]*`).exec(mail.text ?? "")?.[0];
    if (link) return link;
  }
  return null;
}

/**
 * The link starting with `pathPrefix` in the newest message to `address` written since `after`
 * (milliseconds), waiting for the server's mail worker to write it.
 */
export async function linkFromOutbox(address: string, pathPrefix: string, after = 0): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(async () => (link = await newestLinkTo(address, pathPrefix, after)), {
      message: `a message to ${address} with a ${pathPrefix} link`,
      timeout: 30_000,
    })
    .not.toBeNull();
  return link!;
}
