// Post bodies are Markdown, rendered here on the server. Only a safe subset is enabled
// (paragraphs, emphasis, links, lists, quotes, code, headings); raw HTML is never passed
// through (html: false escapes it), and links are kept only for http(s), mailto and paths on
// this site, so no `javascript:`, `data:` or other scheme can reach a page. An image
// (`![alt](url)`) becomes a link to it named by its alt text: no picture is fetched from the
// page, and nothing of the syntax is left over (decision note 015).
import MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import { excerpt } from "~/utils/excerpt";

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** True for the link targets posts may use: web and e-mail addresses, and paths on this site. */
export function isSafeLink(url: string) {
  const value = url.trim();
  if (SAFE_LINK.test(value)) return true;
  return (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) || value.startsWith("#");
}

function mentionRule(state: StateInline, silent: boolean) {
  const { pos, src } = state;
  if (src.charCodeAt(pos) !== 0x40 /* @ */) return false;
  const before = pos > 0 ? src[pos - 1]! : " ";
  if (/[a-z0-9_@/.-]/i.test(before)) return false;
  const match = /^@([a-z0-9]+(?:-[a-z0-9]+)*)/i.exec(src.slice(pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push("mention", "", 0);
    token.content = match[1]!.toLowerCase();
  }
  state.pos += match[0].length;
  return true;
}

/** What a rendering knows beyond the text: the handles of people who exist. */
export interface RenderOptions {
  /** Handles (lower case) that belong to someone: only these `@handle`s are shown as mentions. */
  handles?: ReadonlySet<string>;
}

const LINK_REL = "nofollow ugc noopener";

function createRenderer() {
  const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false });
  md.enable(["heading", "lheading", "blockquote", "list", "code", "fence", "hr"]);
  md.enable(["emphasis", "link", "image", "autolink", "backticks", "newline", "escape", "entity", "linkify"]);
  md.validateLink = isSafeLink;
  md.inline.ruler.before("emphasis", "mention", mentionRule);
  // A handle nobody has is only text: styling it as a mention would promise a person who is not there.
  md.renderer.rules.mention = (tokens, index, _options, env: RenderOptions) => {
    const handle = md.utils.escapeHtml(tokens[index]!.content);
    return env.handles?.has(tokens[index]!.content) ? `<span class="mention">@${handle}</span>` : `@${handle}`;
  };
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    tokens[index]!.attrSet("rel", LINK_REL);
    return renderToken(tokens, index, options);
  };
  // An image is a link to the picture, named by its alt text (or its address when it has none).
  md.renderer.rules.image = (tokens, index, options, env) => {
    const token = tokens[index]!;
    const src = token.attrGet("src") ?? "";
    const alt = md.renderer.renderInlineAsText(token.children ?? [], options, env).trim();
    return `<a href="${md.utils.escapeHtml(src)}" rel="${LINK_REL}">${md.utils.escapeHtml(alt || src)}</a>`;
  };
  // A post sits under the page's own h1 and h2: its headings start at h3.
  const shiftHeading = (tokens: ReturnType<typeof md.parse>, index: number, options: MarkdownIt["options"]) => {
    const token = tokens[index]!;
    const level = Math.min(6, Number(token.tag.slice(1)) + 2);
    token.tag = `h${level}`;
    return renderToken(tokens, index, options);
  };
  md.renderer.rules.heading_open = shiftHeading;
  md.renderer.rules.heading_close = shiftHeading;
  // Code blocks carry no language class: nothing from the post reaches an attribute but link targets.
  // A long line scrolls inside the block, which the keyboard can then reach and scroll.
  const codeBlock = (tokens: { content: string }[], index: number) =>
    `<pre tabindex="0"><code>${md.utils.escapeHtml(tokens[index]!.content)}</code></pre>\n`;
  md.renderer.rules.fence = codeBlock;
  md.renderer.rules.code_block = codeBlock;
  return md;
}

const renderer = createRenderer();

/** Safe HTML for a post body written in Markdown. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return renderer.render(markdown, { ...options });
}

/**
 * A Markdown text as one line of plain words (the text of its paragraphs, headings, list items and
 * code, no markup), cut on a word to about `max` characters: a page's description.
 */
export function markdownSummary(markdown: string, max = 160): string {
  const words: string[] = [];
  const walk = (tokens: ReturnType<typeof renderer.parse>) => {
    for (const token of tokens) {
      if (token.type === "text" || token.type === "code_inline" || token.type === "mention") {
        words.push(token.type === "mention" ? `@${token.content}` : token.content);
      } else if (token.type === "code_block" || token.type === "fence") words.push(token.content);
      else if (token.type === "softbreak" || token.type === "hardbreak" || token.type.endsWith("_close")) words.push(" ");
      if (token.children) walk(token.children);
    }
  };
  walk(renderer.parse(markdown, {}));
  return excerpt(words.join("").replace(/\s+/g, " "), max);
}

/** Whether a link target leads to a page of this site: a path, a fragment, or an address on `ownOrigin`. */
export function isOwnLink(href: string, ownOrigin?: string | null): boolean {
  const value = href.trim();
  if ((value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) || value.startsWith("#")) return true;
  if (!ownOrigin) return false;
  try {
    return new URL(value).origin === new URL(ownOrigin).origin;
  } catch {
    return false;
  }
}

/**
 * The number of links to other sites a Markdown text would render (explicit links, autolinks, bare
 * addresses and images, which render as links). Links to this site's own pages (paths, and
 * addresses on `ownOrigin`, the site's public address) are not counted: they are not advertising.
 */
export function countLinks(markdown: string, { ownOrigin = null }: { ownOrigin?: string | null } = {}): number {
  let count = 0;
  const walk = (tokens: ReturnType<typeof renderer.parse>) => {
    for (const token of tokens) {
      const href = token.type === "link_open" ? token.attrGet("href") : token.type === "image" ? token.attrGet("src") : null;
      if (href !== null && !isOwnLink(href, ownOrigin)) count += 1;
      if (token.children) walk(token.children);
    }
  };
  walk(renderer.parse(markdown, {}));
  return count;
}

/** The handles a set of texts mention, for looking up which of them exist (see RenderOptions). */
export function mentionedHandles(markdowns: string[]): string[] {
  const found = new Set<string>();
  const walk = (tokens: ReturnType<typeof renderer.parse>) => {
    for (const token of tokens) {
      if (token.type === "mention") found.add(token.content);
      if (token.children) walk(token.children);
    }
  };
  for (const markdown of markdowns) walk(renderer.parse(markdown, {}));
  return [...found];
}
