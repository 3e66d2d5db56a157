import { createInstance, type i18n as I18n, type Resource, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { serverResources } from "~/locales/resources.server";
import { getOptionalUser } from "~/utils/auth.server";
import { languageCookie, languageOfUrl } from "~/utils/language-cookie.server";
import { isDatabaseUnavailable } from "~/utils/database-availability.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { FALLBACK_LANGUAGE, i18nConfig, isLanguage, languageFromAcceptLanguage, type Language, type Namespace } from "~/utils/i18n";

/**
 * The request's language: a `?lang=` in the address (the links of `hreflang` alternates, as the
 * feeds take it; nothing is remembered), then the switcher's choice (remembered in a cookie), then the account's setting,
 * then the browser's `Accept-Language`, then English. Worked out once per request.
 */
export function getLanguage(request: Request): Promise<Language> {
  return oncePerRequest(request, "language", () => detectLanguage(request));
}

async function detectLanguage(request: Request): Promise<Language> {
  const inUrl = languageOfUrl(request.url);
  if (inUrl) return inUrl;
  const chosen: unknown = await languageCookie.parse(request.headers.get("Cookie")).catch(() => null);
  if (isLanguage(chosen)) return chosen;
  // While the database is away the account cannot be read: the page that says so uses the browser's language.
  const user = await getOptionalUser(request).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (user && isLanguage(user.locale)) return user.locale;
  return languageFromAcceptLanguage(request.headers.get("Accept-Language")) ?? FALLBACK_LANGUAGE;
}

// One i18next instance per language, made once: an instance whose language never changes can
// serve every request in that language. Made again when the translations are (in development, after
// a file changed).
const instances = new Map<Language, Promise<I18n>>();
let instancesFrom: Resource | undefined;

export function i18nFor(language: Language): Promise<I18n> {
  const resources = serverResources();
  if (resources !== instancesFrom) {
    instances.clear();
    instancesFrom = resources;
  }
  let instance = instances.get(language);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: language, resources })
      .then(() => keepTranslations(created));
    instances.set(language, instance);
  }
  return instance;
}

const KEPT_TRANSLATIONS = 20_000;

/**
 * The same key with the same options gives the same answer for every request while an instance lives (its
 * language and translations never change), and a page asks for its labels, and often the same
 * interpolations, each time it is rendered. The translation functions an instance hands out (to
 * `useTranslation` and `getFixedT`) keep those answers per namespace, key and options, so i18next parses
 * and interpolates each once. Options other than strings, finite numbers and booleans (dates, lists,
 * objects) go to i18next every time.
 */
export function keepTranslations(instance: I18n): I18n {
  const getFixedT = instance.getFixedT.bind(instance);
  const kept = new Map<string, unknown>();
  instance.getFixedT = ((lng: string | readonly string[] | null, ns?: string | readonly string[] | null, keyPrefix?: string) => {
    const fixed = getFixedT(lng as string, ns as string, keyPrefix) as TFunction & ((...args: unknown[]) => unknown);
    if (keyPrefix || (lng !== null && lng !== undefined && lng !== instance.language) || Array.isArray(ns)) return fixed;
    const namespace = `${(ns as string | null | undefined) ?? ""}\u0000`;
    const t = (...args: unknown[]) => {
      const [key, options] = args;
      const optionsId = args.length === 1 ? "" : args.length === 2 ? primitiveOptionsId(options) : undefined;
      if (typeof key !== "string" || optionsId === undefined) return fixed(...args);
      const id = namespace + key + optionsId;
      const found = kept.get(id);
      if (found !== undefined) return found;
      const value = fixed(...args);
      // Keys and options come from the code and the data: bounded, so that no data can grow it without end.
      if (kept.size >= KEPT_TRANSLATIONS) kept.clear();
      kept.set(id, value);
      return value;
    };
    // Its language, namespace and prefix, as i18next's own function carries them.
    return Object.assign(t, fixed);
  }) as I18n["getFixedT"];
  return instance;
}

/** An id for options made of strings, finite numbers and booleans alone (JSON tells them apart), else undefined. */
function primitiveOptionsId(options: unknown): string | undefined {
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  for (const value of Object.values(options)) {
    const kind = typeof value;
    if (kind === "string" || kind === "boolean") continue;
    if (kind === "number" && Number.isFinite(value) && !Object.is(value, -0)) continue;
    return undefined;
  }
  return `\u0000${JSON.stringify(options)}`;
}

/** The translation function for the request's language, for loaders, actions and meta. */
export async function getFixedT(request: Request, ns: Namespace = "common"): Promise<TFunction> {
  const language = await getLanguage(request);
  return (await i18nFor(language)).getFixedT(language, ns);
}

/** The translation function for a given language (e-mails, feeds, exports made for someone). */
export async function getFixedTFor(language: Language, ns: Namespace = "common"): Promise<TFunction> {
  return (await i18nFor(language)).getFixedT(language, ns);
}

/** Kept for the routes written against remix-i18next's object. */
export const i18next = {
  getLocale: getLanguage,
  getFixedT: (request: Request, ns: Namespace = "common") => getFixedT(request, ns),
};
