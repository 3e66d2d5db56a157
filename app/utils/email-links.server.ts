// Links in e-mails: absolute addresses built from the public address setting, and signed one-click
// unsubscribe links (RFC 8058) that need no login.
import { createHmac, timingSafeEqual } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { absoluteUrl, getEnv } from "~/utils/env.server";

/** The address people reach the site at (PUBLIC_URL), without a trailing slash. */
export const publicOrigin = (): string => getEnv().PUBLIC_URL;

/** An absolute link to a path of the site, for e-mails. */
export const publicUrl = (path: string): string => absoluteUrl(path);

/** What a one-click unsubscribe link stops: one kind of e-mail; account security messages have none. */
export const UNSUBSCRIBE_TOPICS = ["forum", "consultations", "verification", "contributions", "mentorship"] as const;
export type UnsubscribeTopic = (typeof UNSUBSCRIBE_TOPICS)[number];

const isTopic = (value: string): value is UnsubscribeTopic => (UNSUBSCRIBE_TOPICS as readonly string[]).includes(value);

let secret: Promise<Buffer> | undefined;

/** The installation's own signing key, made by its migration and shared by every app server. */
function unsubscribeSecret(): Promise<Buffer> {
  secret ??= prisma.instanceSecret
    .findUniqueOrThrow({ where: { name: "unsubscribe" }, select: { value: true } })
    .then((row) => Buffer.from(row.value, "hex"))
    .catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
  return secret;
}

const signature = (key: Buffer, userId: string, topic: string) =>
  createHmac("sha256", key).update(`unsubscribe:${userId}:${topic}`).digest("base64url");

/** The token of a one-click unsubscribe link: who, from what, and a signature only this installation can make. */
export async function unsubscribeToken(userId: string, topic: UnsubscribeTopic): Promise<string> {
  return `${userId}.${topic}.${signature(await unsubscribeSecret(), userId, topic)}`;
}

/** The person and topic of a genuine unsubscribe token, or null for anything else. */
export async function readUnsubscribeToken(token: string): Promise<{ userId: string; topic: UnsubscribeTopic } | null> {
  const match = /^([A-Za-z0-9_-]{1,64})\.([a-z]{1,20})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || !isTopic(match[2]!)) return null;
  const [, userId, topic, given] = match as unknown as [string, string, UnsubscribeTopic, string];
  const expected = Buffer.from(signature(await unsubscribeSecret(), userId, topic));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { userId, topic } : null;
}

export async function unsubscribeUrl(userId: string, topic: UnsubscribeTopic): Promise<string> {
  return publicUrl(`/email/unsubscribe/${await unsubscribeToken(userId, topic)}`);
}
