import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { isProduction } from "~/utils/env.server";

/** At most this many parts are kept; a few per language and page are expected, so more means a key is wrong. */
const MAX_KEPT = 500;

const kept = new Map<string, string>();

/** What `<KeptHtml>` finds on the server (entry.server.tsx hands it to the render). */
export const keptHtml: ReadonlyMap<string, string> = kept;

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
