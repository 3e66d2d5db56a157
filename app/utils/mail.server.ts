// The one way out for e-mail: SMTP when SMTP_URL is set, else one .eml file per message in the outbox
// folder (MAIL_OUTBOX_DIR), which admins read on /admin/mail. Nothing here knows about the queue.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "~/utils/env.server";
import { publicOrigin } from "~/utils/email-links.server";

export interface MailToSend {
  /** The queue row's id: the Message-ID is made from it, so a receiver can tell a repeated delivery. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Whether messages leave by SMTP; else they are written to the outbox folder. */
export const smtpConfigured = () => Boolean(getEnv().SMTP_URL);

const hostOfSite = () => {
  try {
    return new URL(publicOrigin()).hostname || "localhost";
  } catch {
    return "localhost";
  }
};

/** MAIL_FROM, else no-reply at the public address's host. */
export function mailFrom(): string {
  return getEnv().MAIL_FROM ?? `Ortaq <no-reply@${hostOfSite()}>`;
}

let smtp: { url: string; transporter: Transporter } | undefined;

function smtpTransporter(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp?.transporter.close();
    // Short timeouts: a stuck server must not hold a claimed message (and its database transaction) for long.
    smtp = {
      url,
      transporter: nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }),
    };
  }
  return smtp.transporter;
}

const outboxWriter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

function mailOptions(message: MailToSend) {
  return {
    from: mailFrom(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    messageId: `<${message.id}@${hostOfSite()}>`,
  };
}

export const outboxDir = () => path.resolve(getEnv().MAIL_OUTBOX_DIR);

/** Sends one message; throws when the SMTP server refuses it or cannot be reached. */
export async function deliver(message: MailToSend): Promise<{ outboxFile: string | null }> {
  const url = getEnv().SMTP_URL;
  if (url) {
    await smtpTransporter(url).sendMail(mailOptions(message));
    return { outboxFile: null };
  }
  const info = await outboxWriter.sendMail(mailOptions(message));
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  // Named by time, so the newest sort last; written under another name first, so a reader never sees half a file.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${message.id}.eml`;
  const partial = path.join(dir, `.${name}.${randomBytes(4).toString("hex")}.tmp`);
  await writeFile(partial, info.message as Buffer);
  await rename(partial, path.join(dir, name));
  return { outboxFile: name };
}

export interface OutboxMessage {
  file: string;
  date: Date | null;
  to: string;
  subject: string;
  text: string;
  unsubscribe: string | null;
}

/** The newest messages of the outbox folder, newest first, read back from their files. */
export async function readOutbox({ limit = 30 }: { limit?: number } = {}): Promise<OutboxMessage[]> {
  const dir = outboxDir();
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const newest = names
    .filter((name) => /^[\w-]+\.eml$/.test(name))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (file) => {
      const parsed = await simpleParser(await readFile(path.join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
      const unsubscribe = parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line.replace(/^[^:]+:\s*/, "") ?? null;
      return {
        file,
        date: parsed.date ?? null,
        to,
        subject: parsed.subject ?? "",
        text: parsed.text ?? "",
        unsubscribe,
      };
    }),
  );
}
