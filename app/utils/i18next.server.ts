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
      .then(() => created);
    instances.set(language, instance);
  }
  return instance;
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
