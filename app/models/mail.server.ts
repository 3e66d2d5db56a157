// The e-mail queue. A message is written (already rendered in its recipient's language) in the same
// transaction as the change that causes it, so it exists exactly when the change does; a worker in each
// app server claims due messages with FOR UPDATE SKIP LOCKED, so two servers never send the same one,
// sends them through app/utils/mail.server.ts and retries a failure with exponential backoff.
import type { TFunction } from "i18next";
import type { Prisma } from "~/generated/prisma/client";
import { isDatabaseUnavailable } from "~/utils/database-availability.server";
import { prisma, type Db } from "~/utils/db.server";
import { publicUrl, unsubscribeUrl, type UnsubscribeTopic } from "~/utils/email-links.server";
import { renderEmail } from "~/utils/email-render.server";
import { FALLBACK_LANGUAGE, isLanguage, type Language } from "~/utils/i18n";
import { getFixedTFor } from "~/utils/i18next.server";
import { deliver, smtpConfigured } from "~/utils/mail.server";

/** Every kind of message; each has `email.<kind>.subject`, `.body` and `.action` in the locale files. */
export const EMAIL_KINDS = [
  "passwordReset",
  "confirmSignup",
  "confirmChange",
  "addressChangeRequested",
  "verificationTaken",
  "verificationMessage",
  "verificationReleased",
  "verificationCompleted",
  "verificationEvidence",
  "verificationMemberMessage",
  "forumReply",
  "forumMention",
  "forumThreadActivity",
  "forumCategoryActivity",
  "forumDigest",
  "consultationOpened",
  "consultationSummary",
  "contributionReceipt",
  "contributionReceived",
  "mentorshipRequested",
  "mentorshipAccepted",
  "mentorshipDeclined",
  "mentorshipSession",
  "mentorshipEnded",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Who a message is for: their account (its language and name) and, unless given, its address. */
export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: string;
}

export const RECIPIENT_SELECT = { id: true, email: true, displayName: true, locale: true } as const;

export interface MessageContext {
  t: TFunction;
  language: Language;
}

export interface EmailInput {
  to: Recipient;
  /** Another address than the account's: a new address is confirmed at that address. */
  address?: string;
  kind: EmailKind;
  /** What a one-click unsubscribe stops; null for account security, always sent and never unsubscribed from. */
  topic: UnsubscribeTopic | null;
  /** Interpolation values, worked out in the recipient's language when they depend on it. */
  values?: Record<string, unknown> | ((context: MessageContext) => Record<string, unknown>);
  /** The page concerned: the message's main link. */
  path: string;
  /** Someone's words, quoted under the text. */
  quote?: string | null;
  /** Paragraphs after the body, in the recipient's language. */
  more?: (context: MessageContext) => string[];
  /** A list of lines with their own links (a digest). */
  items?: (context: MessageContext) => { text: string; path: string; quote?: string | null }[];
}

const languageOf = (recipient: Recipient): Language => (isLanguage(recipient.locale) ? recipient.locale : FALLBACK_LANGUAGE);

/** The message as it will be sent: subject, both bodies and headers, in the recipient's language. */
export async function composeEmail(input: EmailInput) {
  const language = languageOf(input.to);
  const t = await getFixedTFor(language);
  const context = { t, language };
  const values = { ...(typeof input.values === "function" ? input.values(context) : (input.values ?? {})), siteName: t("site.name") };
  const unsubscribe = input.topic ? await unsubscribeUrl(input.to.id, input.topic) : null;
  const body = String(t(`email.${input.kind}.body`, values));
  const rendered = renderEmail({
    language,
    siteName: t("site.name"),
    subject: String(t(`email.${input.kind}.subject`, values)),
    greeting: t("email.greeting", { name: input.to.displayName }),
    paragraphs: [...body.split(/\n{2,}/), ...(input.more?.(context) ?? [])],
    quote: input.quote,
    items: input.items?.(context).map((item) => ({ text: item.text, url: publicUrl(item.path), quote: item.quote })),
    action: { label: t(`email.${input.kind}.action`, values), url: publicUrl(input.path) },
    copyLinkHint: t("email.copyLink"),
    signature: t("email.signature"),
    reason: input.topic
      ? t("email.reasonSettings", { topic: t(`email.topics.${input.topic}`), settingsUrl: publicUrl("/settings/notifications") })
      : t("email.reasonSecurity"),
    unsubscribe: unsubscribe ? { label: t("email.unsubscribe", { topic: t(`email.topics.${input.topic}`) }), url: unsubscribe } : null,
  });
  // RFC 8058: a mail program may offer "unsubscribe" and POST to the link itself, in one click.
  const headers: Record<string, string> = unsubscribe
    ? { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  return { language, headers, ...rendered };
}

/** Queues messages inside the caller's transaction: they are sent only if it commits. */
export async function enqueueEmails(db: Db, inputs: EmailInput[]) {
  if (inputs.length === 0) return 0;
  const rows = await Promise.all(
    inputs.map(async (input) => {
      const message = await composeEmail(input);
      return {
        userId: input.to.id,
        toAddress: input.address ?? input.to.email,
        kind: input.kind,
        language: message.language,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html,
        headers: message.headers as Prisma.InputJsonValue,
      };
    }),
  );
  const { count } = await db.outgoingEmail.createMany({ data: rows });
  return count;
}

export const enqueueEmail = (db: Db, input: EmailInput) => enqueueEmails(db, [input]);

// ---------------------------------------------------------------------------------------------
// Sending

/** Attempts before a message is given up as failed (about two days of retries). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;

/** The wait after the nth failed attempt: 30 s, 1 min, 2 min, ... at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);

/** An SMTP refusal that no retry will change (a 5xx reply: no such mailbox, message refused). */
function isPermanent(error: unknown) {
  const code = (error as { responseCode?: number } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown) {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

type SendOutcome = "sent" | "retry" | "failed";

interface ClaimedRow {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  headers: Record<string, string>;
  attempts: number;
}

/**
 * Sends the next due message, if any. The row stays locked (FOR UPDATE) while it is sent, and other
 * workers skip it (SKIP LOCKED): each message is in one worker's hands at a time. If this process dies
 * mid-send, the lock goes with its connection and the message is sent later by someone.
 */
async function sendNext(now: Date): Promise<SendOutcome | null> {
  return prisma.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<ClaimedRow[]>`
        SELECT id, "toAddress", subject, "textBody", "htmlBody", headers, attempts
        FROM "OutgoingEmail"
        WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      if (!row) return null;
      const attempts = row.attempts + 1;
      try {
        await deliver({
          id: row.id,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          headers: row.headers,
        });
      } catch (error) {
        const failed = isPermanent(error) || attempts >= MAX_ATTEMPTS;
        await tx.outgoingEmail.update({
          where: { id: row.id },
          data: {
            attempts,
            lastError: describe(error),
            status: failed ? "failed" : "pending",
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          },
          select: { id: true },
        });
        return failed ? "failed" : "retry";
      }
      // Once sent, the bodies go: they may hold a one-time link, and the outbox file or the recipient has them.
      await tx.outgoingEmail.update({
        where: { id: row.id },
        data: { attempts, status: "sent", sentAt: new Date(), lastError: null, textBody: "", htmlBody: "" },
        select: { id: true },
      });
      return "sent";
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/** Sends due messages until none is left (or `limit` were tried); returns what happened. */
export async function processMailQueue({ now = new Date(), limit = 50 }: { now?: Date; limit?: number } = {}) {
  const counts = { sent: 0, retry: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const outcome = await sendNext(now);
    if (!outcome) break;
    counts[outcome] += 1;
    if (outcome !== "sent") console.warn(`E-mail not sent (${outcome === "retry" ? "will retry" : "given up"}); see /admin/mail.`);
  }
  return counts;
}

/** Sent messages are kept (without their bodies) for the admin page for this long. */
const KEEP_SENT_MS = 30 * 24 * 60 * 60 * 1000;

export async function deleteOldEmails(now = new Date()) {
  const { count } = await prisma.outgoingEmail.deleteMany({
    where: { status: "sent", sentAt: { lt: new Date(now.getTime() - KEEP_SENT_MS) } },
  });
  return count;
}

/**
 * The worker each app server runs: it sends due messages every few seconds and runs `periodic`
 * (digests, clean-up) every few minutes. `stop` waits for the message in hand.
 */
export function startMailWorker({
  intervalMs = 2_000,
  periodicMs = 5 * 60_000,
  periodic = [],
}: { intervalMs?: number; periodicMs?: number; periodic?: (() => Promise<unknown>)[] } = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPeriodic = 0;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      if (Date.now() - lastPeriodic >= periodicMs) {
        lastPeriodic = Date.now();
        for (const task of [...periodic, () => deleteOldEmails()]) await task();
      }
      await processMailQueue();
    } catch (error) {
      // While the database is away the requests already say so; the queue waits for it quietly.
      if (!isDatabaseUnavailable(error)) console.warn(`The e-mail worker will try again: ${describe(error)}`);
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  timer = setTimeout(loop, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Administration

/** What admins see on /admin/mail: messages that failed or wait for a retry, and the latest ones. */
export async function getMailOverview() {
  const [troubled, latest, pending] = await Promise.all([
    prisma.outgoingEmail.findMany({
      where: { OR: [{ status: "failed" }, { status: "pending", attempts: { gt: 0 } }] },
      select: {
        id: true,
        toAddress: true,
        kind: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
    }),
    prisma.outgoingEmail.findMany({
      select: { id: true, toAddress: true, kind: true, subject: true, status: true, attempts: true, sentAt: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 30,
    }),
    prisma.outgoingEmail.count({ where: { status: "pending" } }),
  ]);
  return { troubled, latest, pending, smtp: smtpConfigured() };
}

/** Puts a failed message back in the queue, to be sent at once. */
export async function retryEmail({ id, now = new Date() }: { id: string; now?: Date }) {
  const { count } = await prisma.outgoingEmail.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now },
  });
  return count > 0;
}
