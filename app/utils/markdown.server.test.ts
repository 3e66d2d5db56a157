// Needs no database.
import { describe, expect, test } from "vitest";
import { XSS_PAYLOADS } from "../../tests/fixtures/xss-payloads";
import { countLinks, isSafeLink, markdownSummary, mentionedHandles, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  test("renders the safe subset: emphasis, links, lists, quotes, code and headings below the page's own", () => {
    const html = renderMarkdown("# Title\n\n**bold** *it* [site](https://example.org)\n\n- one\n- two\n\n> quoted\n\n`code`");
    expect(html).toContain("<h3>Title</h3>");
    expect(html).toContain("<strong>bold</strong> <em>it</em>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">site</a>');
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain("<blockquote>\n<p>quoted</p>");
    expect(html).toContain("<code>code</code>");
  });

  test("turns bare web addresses into links and @handles into mentions, but not e-mail addresses", () => {
    const html = renderMarkdown("see https://ortaq.example.org and ask @aigerim-sadykova or mail@example.org", {
      handles: new Set(["aigerim-sadykova", "example"]),
    });
    expect(html).toContain('<a href="https://ortaq.example.org" rel="nofollow ugc noopener">');
    expect(html).toContain('<span class="mention">@aigerim-sadykova</span>');
    expect(html).not.toContain(`<span class="mention">@example`);
  });

  test("leaves images out: no request leaves the page for a picture in a post", () => {
    expect(renderMarkdown("![x](https://example.org/p.png)")).not.toContain("<img");
  });

  test("renders an image as a link to it named by its alt text, with no stray “!” left", () => {
    expect(renderMarkdown("See ![the chart](https://example.org/p.png).")).toBe(
      '<p>See <a href="https://example.org/p.png" rel="nofollow ugc noopener">the chart</a>.</p>\n',
    );
    expect(renderMarkdown("![](https://example.org/p.png)")).toBe(
      '<p><a href="https://example.org/p.png" rel="nofollow ugc noopener">https://example.org/p.png</a></p>\n',
    );
    // The link allow-list applies to images as to links: a refused target stays text, never an attribute.
    expect(renderMarkdown("![x](javascript:alert(1))")).not.toContain("href");
    expect(renderMarkdown('![a "b" <c>](/forum)')).toContain('<a href="/forum" rel="nofollow ugc noopener">a &quot;b&quot; &lt;c&gt;</a>');
  });

  test("shows only handles that exist as mentions; any other @word stays plain text", () => {
    const html = renderMarkdown("@aigerim-sadykova and @nobody-here", { handles: new Set(["aigerim-sadykova"]) });
    expect(html).toBe('<p><span class="mention">@aigerim-sadykova</span> and @nobody-here</p>\n');
    expect(renderMarkdown("@aigerim-sadykova")).toBe("<p>@aigerim-sadykova</p>\n");
  });

  test("code blocks, fenced or indented, can take the keyboard's focus so a long line can be scrolled", () => {
    expect(renderMarkdown("```\nconst x = 1;\n```")).toContain('<pre tabindex="0"><code>const x = 1;\n</code></pre>');
    expect(renderMarkdown("intro\n\n    indented code")).toContain('<pre tabindex="0"><code>indented code\n</code></pre>');
  });

  test("mentionedHandles lists the handles a text would show as mentions, not those in code or e-mail addresses", () => {
    expect(mentionedHandles(["@Aigerim and `@code` mail@example.org", "@bakyt @aigerim"]).sort()).toEqual(["aigerim", "bakyt"]);
  });

  test.each(XSS_PAYLOADS)("lets no script, event handler or dangerous link through: %s", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|details|math|object|embed)\b/i);
    // Attribute values are quoted with every inner quote escaped, so removing them leaves only attribute names.
    const tags = [...html.replace(/="[^"]*"/g, '=""').matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(isSafeLink(href[1]!)).toBe(true);
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  });
});

test("isSafeLink allows web, mail and same-site links only", () => {
  for (const ok of ["https://example.org", "http://x.org/a?b", "mailto:a@b.org", "/forum", "#post-3"]) expect(isSafeLink(ok)).toBe(true);
  for (const bad of [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,x",
    "//evil.example",
    "/\\evil",
    "vbscript:x",
    "ftp://x",
    "relative",
  ]) {
    expect(isSafeLink(bad)).toBe(false);
  }
});

test("countLinks counts explicit links, autolinks, bare addresses and images", () => {
  expect(countLinks("[a](https://a.org) <https://b.org> https://c.org and `https://not-in-code.org`")).toBe(3);
  expect(countLinks("![picture](https://a.org/p.png)")).toBe(1);
  expect(countLinks("[bad](javascript:alert(1))")).toBe(0);
});

test("countLinks leaves out links to the site's own pages: paths, fragments and its public address", () => {
  const own = "[method](/methodology) [post](#post-3) https://ortaq.example.org/forum [x](https://ortaq.example.org/directory?q=1)";
  expect(countLinks(own, { ownOrigin: "https://ortaq.example.org" })).toBe(0);
  expect(countLinks(`${own} https://other.example.org`, { ownOrigin: "https://ortaq.example.org" })).toBe(1);
  // Another host or scheme is another site, and without a public address only paths are the site's own.
  expect(countLinks("https://ortaq.example.org.evil.example http://ortaq.example.org", { ownOrigin: "https://ortaq.example.org" })).toBe(2);
  expect(countLinks("https://ortaq.example.org/forum [m](/methodology)")).toBe(1);
});

describe("markdownSummary", () => {
  test("keeps the words of a post without its markup, on one line", () => {
    expect(
      markdownSummary("# Solar dryers\n\n**Who** has tried [these](https://example.org) with `12 V` fans?\n\n- apricots\n- @aigul"),
    ).toBe("Solar dryers Who has tried these with 12 V fans? apricots @aigul");
  });

  test("cuts a long post on a word, and marks the cut", () => {
    const summary = markdownSummary("word ".repeat(100), 40);
    expect(summary.length).toBeLessThanOrEqual(42);
    expect(summary).toMatch(/^word( word)* …$/);
  });

  test("a link gives its words, not its address; raw HTML stays text, as the post shows it", () => {
    expect(markdownSummary("[the report](https://example.org/r.pdf) <b>now</b>")).toBe("the report <b>now</b>");
  });
});
