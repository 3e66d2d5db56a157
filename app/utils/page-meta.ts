import type { MetaDescriptor } from "@remix-run/node";

/** A page's title, and the description that search engines and shared links show under it. */
export function pageMeta(title: string | undefined, description?: string): MetaDescriptor[] {
  return [{ title: `${title ?? ""} · Ortaq` }, ...(description ? [{ name: "description", content: description }] : [])];
}
