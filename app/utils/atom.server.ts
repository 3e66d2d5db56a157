// Atom (RFC 4287) documents for the forum's feeds. Every text goes through escapeXml; HTML
// content is the server-rendered, sanitised Markdown, escaped once more as XML text.

export function escapeXml(value: string) {
  return (
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 does not allow at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  author: string;
  category?: { term: string; label: string };
  html: string;
  /** The languages the entry's title and text are written in (posts record theirs), when known. */
  titleLanguage?: string;
  htmlLanguage?: string;
}

/** ` xml:lang="…"` for a language code, or nothing. */
const xmlLang = (language: string | undefined) => (language ? ` xml:lang="${escapeXml(language)}"` : "");

export function atomFeed({
  id,
  language,
  title,
  baseUrl,
  selfUrl,
  htmlUrl,
  updated,
  entries,
}: {
  id: string;
  /** The language of the feed's own words (its title, the categories' names and placeholders). */
  language: string;
  title: string;
  /** Where links inside the HTML content (paths on this site) are resolved. */
  baseUrl: string;
  selfUrl: string;
  htmlUrl: string;
  updated: Date;
  entries: AtomEntry[];
}) {
  const entryXml = entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title type="text"${xmlLang(entry.titleLanguage)}>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <published>${entry.published.toISOString()}</published>
    <updated>${entry.updated.toISOString()}</updated>
    <author><name>${escapeXml(entry.author)}</name></author>
${entry.category ? `    <category term="${escapeXml(entry.category.term)}" label="${escapeXml(entry.category.label)}"/>\n` : ""}    <content type="html"${xmlLang(entry.htmlLanguage)}>${escapeXml(entry.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(language)}" xml:base="${escapeXml(baseUrl)}">
  <id>${escapeXml(id)}</id>
  <title type="text">${escapeXml(title)}</title>
  <updated>${updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(htmlUrl)}"/>
  <generator>Ortaq</generator>
${entryXml.join("\n")}
</feed>
`;
}
