import { absoluteUrl } from "~/utils/env.server";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { languageOfUrl } from "~/utils/language-cookie.server";

/**
 * A public page's canonical address and its `hreflang` alternates (docs/decisions/016-page-languages-in-links.md).
 * The language is not in the path, so each language's version is the page with `?lang=`, which the
 * server honours before the reader's cookie, account and browser; the bare address, whose language
 * is negotiated, is the `x-default`. A page asked for with `?lang=` is its own canonical, as search
 * engines expect of each language's version. All addresses come from PUBLIC_URL, never the Host header.
 */
export function languageLinks(request: Request, path: string) {
  const plain = absoluteUrl(path);
  const inLanguage = (language: string) => `${plain}?lang=${encodeURIComponent(language)}`;
  const shown = languageOfUrl(request.url);
  return {
    canonical: shown ? inLanguage(shown) : plain,
    alternates: [
      ...SUPPORTED_LANGUAGES.map((language) => ({ hrefLang: language as string, href: inLanguage(language) })),
      { hrefLang: "x-default", href: plain },
    ],
  };
}

/** The picture shared pages show in link previews (Open Graph), 1,200 × 630 px. */
export const shareImage = () => ({ url: absoluteUrl("/og-image.png"), width: 1200, height: 630 });
