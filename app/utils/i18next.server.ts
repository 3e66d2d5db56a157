import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { resources } from "~/locales/resources";
import { FALLBACK_LANGUAGE, i18nConfig, SUPPORTED_LANGUAGES } from "~/utils/i18n";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
  },
  i18next: { ...i18nConfig, resources },
});

/** The translation function for the request's language, for loaders, actions and meta. */
export async function getFixedT(request: Request) {
  return i18next.getFixedT(request, "common");
}
