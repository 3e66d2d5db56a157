import { createElement, createContext, useContext, type ReactNode } from "react";
import type { i18n as I18n } from "i18next";
import { useTranslation } from "react-i18next";

/** What the server keeps of parts of pages (`app/utils/kept-html.server.tsx`); absent in the browser. */
export interface KeptHtmlStore {
  /** The markup a loader kept under `id` with `keepHtml`, if any. */
  get(id: string): string | undefined;
  /** The markup `render()` gives, rendered on its own with the translations of `i18n`; kept under `key` and given again for it. */
  rendered(key: string, i18n: I18n, render: () => ReactNode): string;
}

const KeptHtmlContext = createContext<KeptHtmlStore | undefined>(undefined);

export const KeptHtmlProvider = KeptHtmlContext.Provider;

/**
 * A part of a page that is the same for every reader in a language (decision 036): on the server, the
 * markup kept under `id` when there is some (`keepHtml` in a loader put it there), else `children`
 * rendered as usual. In the browser it is always `children`, which React hydrates over the kept markup
 * as over its own: that markup was rendered from the same elements, and nothing in it may depend on the
 * reader or on its place in the page (no `useId`).
 */
export function KeptHtml({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  const kept = useContext(KeptHtmlContext)?.get(id);
  if (kept !== undefined) return <div className={className} dangerouslySetInnerHTML={{ __html: kept }} />;
  return <div className={className}>{children}</div>;
}

/**
 * One of many like parts of a page (a thread's post with its links and forms), drawn by `component` from
 * `props` alone (decision 039): on the server its markup is rendered once for those props in the reader's
 * language and kept under them (`name`, the language and the props written out), so the next page that
 * shows the same part with the same props writes the kept markup instead of rendering it again. Another
 * post, an edit, a count that moved, another reader's rights: other props, another part. In the browser
 * it is the component itself, which React hydrates over that markup as over its own.
 *
 * `component` may therefore read nothing but its props and the translations: no loader data, no
 * location, no `useId`; and `props` must be plain data (what `JSON.stringify` writes out in full).
 */
export function KeptPart<P extends object>({
  name,
  as: Tag,
  className,
  component,
  props,
}: {
  name: string;
  /** The element around the part (an `<li>` of a list, a table's row): the kept markup is its content. */
  as: "li" | "tr" | "div";
  className?: string;
  component: (props: P) => ReactNode;
  props: P;
}) {
  const store = useContext(KeptHtmlContext);
  const { i18n } = useTranslation();
  if (!store) return <Tag className={className}>{createElement(component, props)}</Tag>;
  const html = store.rendered(`${name} ${i18n.language} ${JSON.stringify(props)}`, i18n, () => createElement(component, props));
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
