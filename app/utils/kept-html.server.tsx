import type { i18n as I18n } from "i18next";
import type { ReactElement, ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { KeptHtmlStore } from "~/components/kept-html";
import { isProduction } from "~/utils/env.server";

/** At most this many parts are kept; a few per language and page are expected, so more means a key is wrong. */
const MAX_KEPT = 500;

/** The rendered parts (`<KeptPart>`) kept, counted in characters of their keys and markup: the least recently used go first. */
const MAX_RENDERED_CHARS = 6_000_000;

const kept = new Map<string, string>();

/**
 * Renders `element` once and keeps its markup under `id` for `<KeptHtml id>` (decision 036). Only for a
 * part that never changes while the server runs: its key names everything it shows (a methodology's
 * version, the language), and the translations and code are the build's. Not kept in development, where
 * both change under the running server.
 */
export function keepHtml(id: string, element: () => ReactElement) {
  if (!isProduction() || kept.has(id)) return;
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(id, renderToString(element()));
}

/**
 * The markup of parts rendered from their props alone (`<KeptPart>`, decision 039), under the key that
 * names them (their props written out), the least recently used dropped first.
 */
export class RenderedParts {
  private parts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = MAX_RENDERED_CHARS) {}

  get size() {
    return this.parts.size;
  }

  rendered(key: string, i18n: I18n, render: () => ReactNode): string {
    // Rendering a part from inside a page's render is safe: React's string renderer is a module of its
    // own, restores the page's renderer and context when done, and a kept part never suspends.
    const renderAlone = () => renderToString(<I18nextProvider i18n={i18n}>{render()}</I18nextProvider>);
    if (!isProduction()) return renderAlone();
    const html = this.parts.get(key);
    if (html !== undefined) {
      this.parts.delete(key);
      this.parts.set(key, html);
      return html;
    }
    const fresh = renderAlone();
    this.parts.set(key, fresh);
    this.chars += key.length + fresh.length;
    for (const [oldest, markup] of this.parts) {
      if (this.chars <= this.maxChars) break;
      this.parts.delete(oldest);
      this.chars -= oldest.length + markup.length;
    }
    return fresh;
  }
}

const renderedParts = new RenderedParts();

/** What `<KeptHtml>` and `<KeptPart>` find on the server (entry.server.tsx hands it to the render). */
export const keptHtml: KeptHtmlStore & { has(id: string): boolean } = {
  get: (id) => kept.get(id),
  has: (id) => kept.has(id),
  rendered: (key, i18n, render) => renderedParts.rendered(key, i18n, render),
};
