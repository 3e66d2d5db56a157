import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { loadResources } from "~/locales/load.client";

/**
 * Follows a language change that reached the page without a reload (logging in switches to the
 * account's language): loads that language's translations, then switches to it.
 */
export function useSyncLanguage(language: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === language) return;
    let cancelled = false;
    void loadResources(language).then((resources) => {
      if (cancelled) return;
      for (const [ns, bundle] of Object.entries(resources[language] ?? {})) i18n.addResourceBundle(language, ns, bundle, true, true);
      return i18n.changeLanguage(language);
    });
    return () => {
      cancelled = true;
    };
  }, [language, i18n]);
}
