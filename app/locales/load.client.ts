// The browser fetches the translations of the page's language only, each file as its own
// content-hashed chunk that the browser caches.
import type { Resource } from "i18next";
import { NAMESPACES } from "~/utils/i18n";

const files = import.meta.glob<{ default: Record<string, unknown> }>("./*/*.json");

export async function loadResources(language: string): Promise<Resource> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const load = files[`./${language}/${ns}.json`];
      return [ns, load ? (await load()).default : {}] as const;
    }),
  );
  return { [language]: Object.fromEntries(entries) };
}
