// Post bodies are Markdown, rendered here on the server. Only a safe subset is enabled
// (paragraphs, emphasis, links, lists, quotes, code, headings); raw HTML is never passed
// through (html: false escapes it), and links are kept only for http(s), mailto and paths on
// this site, so no `javascript:`, `data:` or other scheme can reach a page.
import MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";

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

function createRenderer() {
  const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false });
  md.enable(["heading", "lheading", "blockquote", "list", "code", "fence", "hr"]);
  md.enable(["emphasis", "link", "autolink", "backticks", "newline", "escape", "entity", "linkify"]);
  md.validateLink = isSafeLink;
  md.inline.ruler.before("emphasis", "mention", mentionRule);
  md.renderer.rules.mention = (tokens, index) => `<span class="mention">@${md.utils.escapeHtml(tokens[index]!.content)}</span>`;
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    tokens[index]!.attrSet("rel", "nofollow ugc noopener");
    return renderToken(tokens, index, options);
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
  md.renderer.rules.fence = (tokens, index) => `<pre><code>${md.utils.escapeHtml(tokens[index]!.content)}</code></pre>\n`;
  return md;
}

const renderer = createRenderer();

/** Safe HTML for a post body written in Markdown. */
export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

/** The number of links a Markdown text would render (explicit links, autolinks and bare addresses). */
export function countLinks(markdown: string): number {
  let count = 0;
  const walk = (tokens: ReturnType<typeof renderer.parse>) => {
    for (const token of tokens) {
      if (token.type === "link_open") count += 1;
      if (token.children) walk(token.children);
    }
  };
  walk(renderer.parse(markdown, {}));
  return count;
}
