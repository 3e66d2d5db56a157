// Browsers ship trimmed Intl data. Chromium, for one, writes "2026 M12 2" and "1,234.5" for Kazakh
// (whose locale it claims to support) and has no Kyrgyz, Tajik, Turkmen, Mongolian or Pashto at
// all, while the server (Node, full ICU) writes "2026 ж. 02 жел." and "1 234,5": the page would
// change as it hydrates, and every page rendered in the browser would be written the wrong way.
// So the browser compares its own writing with the server's samples (intlProbe, in the page) and,
// for each kind that differs, takes FormatJS's implementation with CLDR's data for the page's
// language; each piece is its own chunk, fetched only then.
import { forgetFormatters, intlProbe, type IntlProbe } from "~/utils/format";
import type { Language } from "~/utils/i18n";

type Load = () => Promise<unknown>;

const PLURAL_RULES: Partial<Record<Language, Load>> = {
  en: () => import("@formatjs/intl-pluralrules/locale-data/en.js"),
  ru: () => import("@formatjs/intl-pluralrules/locale-data/ru.js"),
  kk: () => import("@formatjs/intl-pluralrules/locale-data/kk.js"),
  ky: () => import("@formatjs/intl-pluralrules/locale-data/ky.js"),
  uz: () => import("@formatjs/intl-pluralrules/locale-data/uz.js"),
  // CLDR has no plural rules of its own for Tajik: every number takes the one form ("other").
  tk: () => import("@formatjs/intl-pluralrules/locale-data/tk.js"),
  mn: () => import("@formatjs/intl-pluralrules/locale-data/mn.js"),
  "fa-AF": () => import("@formatjs/intl-pluralrules/locale-data/fa.js"),
  ps: () => import("@formatjs/intl-pluralrules/locale-data/ps.js"),
};

const NUMBER_FORMAT: Record<Language, Load> = {
  en: () => import("@formatjs/intl-numberformat/locale-data/en.js"),
  ru: () => import("@formatjs/intl-numberformat/locale-data/ru.js"),
  kk: () => import("@formatjs/intl-numberformat/locale-data/kk.js"),
  ky: () => import("@formatjs/intl-numberformat/locale-data/ky.js"),
  uz: () => import("@formatjs/intl-numberformat/locale-data/uz.js"),
  tg: () => import("@formatjs/intl-numberformat/locale-data/tg.js"),
  tk: () => import("@formatjs/intl-numberformat/locale-data/tk.js"),
  mn: () => import("@formatjs/intl-numberformat/locale-data/mn.js"),
  "fa-AF": () => import("@formatjs/intl-numberformat/locale-data/fa-AF.js"),
  ps: () => import("@formatjs/intl-numberformat/locale-data/ps.js"),
};

const DATE_TIME_FORMAT: Record<Language, Load> = {
  en: () => import("@formatjs/intl-datetimeformat/locale-data/en.js"),
  ru: () => import("@formatjs/intl-datetimeformat/locale-data/ru.js"),
  kk: () => import("@formatjs/intl-datetimeformat/locale-data/kk.js"),
  ky: () => import("@formatjs/intl-datetimeformat/locale-data/ky.js"),
  uz: () => import("@formatjs/intl-datetimeformat/locale-data/uz.js"),
  tg: () => import("@formatjs/intl-datetimeformat/locale-data/tg.js"),
  tk: () => import("@formatjs/intl-datetimeformat/locale-data/tk.js"),
  mn: () => import("@formatjs/intl-datetimeformat/locale-data/mn.js"),
  "fa-AF": () => import("@formatjs/intl-datetimeformat/locale-data/fa-AF.js"),
  ps: () => import("@formatjs/intl-datetimeformat/locale-data/ps.js"),
};

const LIST_FORMAT: Record<Language, Load> = {
  en: () => import("@formatjs/intl-listformat/locale-data/en.js"),
  ru: () => import("@formatjs/intl-listformat/locale-data/ru.js"),
  kk: () => import("@formatjs/intl-listformat/locale-data/kk.js"),
  ky: () => import("@formatjs/intl-listformat/locale-data/ky.js"),
  uz: () => import("@formatjs/intl-listformat/locale-data/uz.js"),
  tg: () => import("@formatjs/intl-listformat/locale-data/tg.js"),
  tk: () => import("@formatjs/intl-listformat/locale-data/tk.js"),
  mn: () => import("@formatjs/intl-listformat/locale-data/mn.js"),
  "fa-AF": () => import("@formatjs/intl-listformat/locale-data/fa-AF.js"),
  ps: () => import("@formatjs/intl-listformat/locale-data/ps.js"),
};

/**
 * Makes the browser's Intl write the page's language as the server did (`server`, its samples);
 * a no-op where it already does.
 */
export async function ensureIntlFor(language: Language, server: IntlProbe | null) {
  if (!server) return;
  const here = intlProbe(language);
  // Plural rules first: the number formatter's polyfill uses them.
  const pluralData = PLURAL_RULES[language];
  if (here.plural !== server.plural && pluralData) {
    await import("@formatjs/intl-pluralrules/polyfill-force.js");
    // English too: i18next reads the fallback language's rules as well.
    await Promise.all([pluralData(), language === "en" ? null : PLURAL_RULES.en!()]);
  }
  if (here.number !== server.number) {
    await import("@formatjs/intl-numberformat/polyfill-force.js");
    await NUMBER_FORMAT[language]();
  }
  if (here.date !== server.date) {
    await import("@formatjs/intl-datetimeformat/polyfill-force.js");
    await DATE_TIME_FORMAT[language]();
  }
  if (here.list !== server.list) {
    await import("@formatjs/intl-listformat/polyfill-force.js");
    await LIST_FORMAT[language]();
  }
  forgetFormatters();
}

/** The server's samples, which root.tsx writes on <html>. */
export function serverIntlProbe(): IntlProbe | null {
  try {
    return JSON.parse(document.documentElement.dataset.intl ?? "null") as IntlProbe | null;
  } catch {
    return null;
  }
}
