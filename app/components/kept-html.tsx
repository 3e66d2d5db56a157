import { createContext, useContext, type ReactNode } from "react";

/** The parts of pages the server has rendered already, by key (server only; empty in the browser). */
const KeptHtmlContext = createContext<ReadonlyMap<string, string> | undefined>(undefined);

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
