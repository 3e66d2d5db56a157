import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadResources } from "~/locales/load.client";
import { FALLBACK_LANGUAGE, i18nConfig, isLanguage } from "~/utils/i18n";
import { ensureIntlFor, serverIntlProbe } from "~/utils/intl-polyfill.client";
import { decodeStreamedState } from "~/utils/streamed-state.client";
import { keepTypedText } from "~/utils/typed-text.client";

async function hydrate() {
  const lang = document.documentElement.lang;
  const language = isLanguage(lang) ? lang : FALLBACK_LANGUAGE;
  // Before i18next reads plural rules and before anything is formatted; the page's data meanwhile.
  await Promise.all([ensureIntlFor(language, serverIntlProbe()), decodeStreamedState()]);
  await i18next.use(initReactI18next).init({
    ...i18nConfig,
    lng: language,
    // English is the fallback only for a key a language lacks, which the translation test forbids.
    resources: await loadResources(language),
  });
  keepTypedText();
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
