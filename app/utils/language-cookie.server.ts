import { createCookie } from "@remix-run/node";
import { isLanguage, languageFromAcceptLanguage, type Language } from "~/utils/i18n";

/** The language chosen with the switcher, remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The language named by the address's `lang` parameter, or null. */
export function languageOfUrl(url: string): Language | null {
  const named = new URL(url).searchParams.get("lang");
  return isLanguage(named) ? named : null;
}

/**
 * The language a visitor without an account reads a page in: the address's `lang`, then the
 * switcher's cookie, then `Accept-Language`; null when none names one Ortaq has (English then).
 */
export async function anonymousLanguage(url: string, cookieHeader: string | null, acceptLanguage: string | null): Promise<Language | null> {
  const inUrl = languageOfUrl(url);
  if (inUrl) return inUrl;
  const chosen: unknown = await languageCookie.parse(cookieHeader).catch(() => null);
  if (isLanguage(chosen)) return chosen;
  return languageFromAcceptLanguage(acceptLanguage);
}
