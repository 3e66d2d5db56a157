// Every language's translations, for the server. The browser loads only its own language
// (app/locales/load.client.ts).
//
// They are read from the JSON files beside this one when first asked for, not imported: imported,
// the bundles would carry them as code, and V8 keeps a module's source text for as long as the
// module lives, so every server process held them twice more (in the server's bundle and in
// Remix's, as two-byte text because of their letters) beside the objects made from them.
import { readFileSync, watch } from "node:fs";
import path from "node:path";
import type { Resource } from "i18next";
import { getEnv } from "~/utils/env.server";
import { NAMESPACES, SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { projectRoot } from "~/utils/project-root.server";

let loaded: Resource | undefined;
let watching = false;

/**
 * The translations of every language and namespace, read once per process. In development they are
 * read again after a file changes, so an edited text shows at the next request (a new object: callers
 * that keep something made from it compare it with the one they made it from).
 */
export function serverResources(): Resource {
  if (!loaded) {
    const folder = path.join(projectRoot(), "app", "locales");
    const read = (language: string, ns: string): Record<string, unknown> =>
      JSON.parse(readFileSync(path.join(folder, language, `${ns}.json`), "utf8")) as Record<string, unknown>;
    loaded = Object.fromEntries(
      SUPPORTED_LANGUAGES.map((language) => [language, Object.fromEntries(NAMESPACES.map((ns) => [ns, read(language, ns)]))]),
    );
    if (!watching && getEnv().NODE_ENV === "development") {
      watching = true;
      for (const language of SUPPORTED_LANGUAGES)
        watch(path.join(folder, language), { persistent: false }, () => {
          loaded = undefined;
        });
    }
  }
  return loaded;
}
