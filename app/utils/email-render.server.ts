// Every e-mail's two bodies, plain text and HTML, from the same parts: the site's name, a greeting, the
// paragraphs, an optional quote or list, the link to the page concerned, and a footer saying why the
// message came and, unless it is about the account's security, how to stop such messages in one click.
import { directionOf } from "~/utils/i18n";

export interface EmailParts {
  language: string;
  siteName: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Someone's words (a message, a post), shown as a quotation. */
  quote?: string | null;
  /** A list, such as a digest's posts: each a line with its own link. */
  items?: { text: string; url: string; quote?: string | null }[];
  action: { label: string; url: string };
  copyLinkHint: string;
  signature: string;
  /** Why this message came (notification settings, or account security). */
  reason: string;
  unsubscribe?: { label: string; url: string } | null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const quoteText = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");

function plainText(parts: EmailParts): string {
  const blocks: string[] = [parts.siteName, parts.greeting, ...parts.paragraphs];
  if (parts.quote) blocks.push(quoteText(parts.quote));
  for (const item of parts.items ?? [])
    blocks.push([`* ${item.text}`, ...(item.quote ? [quoteText(item.quote)] : []), `  ${item.url}`].join("\n"));
  blocks.push(`${parts.action.label}:\n${parts.action.url}`);
  blocks.push(parts.signature);
  const footer = [parts.reason];
  if (parts.unsubscribe) footer.push(`${parts.unsubscribe.label}: ${parts.unsubscribe.url}`);
  blocks.push(`-- \n${footer.join("\n")}`);
  return `${blocks.join("\n\n")}\n`;
}

const paragraphHtml = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
const quoteHtml = (text: string) =>
  `<blockquote style="margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #c9d6cf;color:#333">${escapeHtml(text).replace(/\n/g, "<br>")}</blockquote>`;

function html(parts: EmailParts): string {
  const dir = directionOf(parts.language);
  const items = parts.items?.length
    ? `<ul style="margin:0 0 16px;padding-inline-start:20px">${parts.items
        .map(
          (item) =>
            `<li style="margin:0 0 12px"><a href="${escapeHtml(item.url)}" style="color:#0b5a3c">${escapeHtml(item.text)}</a>${item.quote ? quoteHtml(item.quote) : ""}</li>`,
        )
        .join("")}</ul>`
    : "";
  const unsubscribe = parts.unsubscribe
    ? `<br><a href="${escapeHtml(parts.unsubscribe.url)}" style="color:#444">${escapeHtml(parts.unsubscribe.label)}</a>`
    : "";
  return `<!doctype html>
<html lang="${escapeHtml(parts.language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f6f5;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">
<div role="article" aria-label="${escapeHtml(parts.subject)}" lang="${escapeHtml(parts.language)}" dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#0b5a3c">${escapeHtml(parts.siteName)}</p>
${paragraphHtml(parts.greeting)}
${parts.paragraphs.map(paragraphHtml).join("\n")}
${parts.quote ? quoteHtml(parts.quote) : ""}
${items}
<p style="margin:24px 0"><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5a3c;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(parts.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#444">${escapeHtml(parts.copyLinkHint)}<br><a href="${escapeHtml(parts.action.url)}" style="color:#0b5a3c;word-break:break-all">${escapeHtml(parts.action.url)}</a></p>
${paragraphHtml(parts.signature)}
<hr style="border:0;border-top:1px solid #d8dedb;margin:24px 0 16px">
<p style="margin:0;font-size:13px;color:#444">${escapeHtml(parts.reason)}${unsubscribe}</p>
</div>
</body>
</html>
`;
}

export function renderEmail(parts: EmailParts): { subject: string; text: string; html: string } {
  return { subject: parts.subject.replace(/[\r\n]+/g, " ").trim(), text: plainText(parts), html: html(parts) };
}
