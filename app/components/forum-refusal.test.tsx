// Needs no database.
import i18next from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { expect, test } from "vitest";
import { RefusalMessage } from "~/components/forum";
import en from "~/locales/en/common.json";
import ru from "~/locales/ru/common.json";
import { i18nConfig } from "~/utils/i18n";

async function render(language: "en" | "ru", refusal: Parameters<typeof RefusalMessage>[0]["refusal"]) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: language, resources: { en: { common: en }, ru: { common: ru } } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <RefusalMessage refusal={refusal} />
    </I18nextProvider>,
  );
}

const liftsAt = new Date(Date.UTC(2026, 11, 5, 9, 30));

test("a new account's link refusal says the limit is a new account's, when it lifts, and that the site's own links are free", async () => {
  expect(await render("en", { reason: "too_many_links", max: 2, liftsAt })).toContain(
    "While an account is new, a post may contain at most 2 links to other websites; from Dec 5, 2026 the limit is 10. Links to Ortaq’s own pages do not count.",
  );
  expect(await render("ru", { reason: "too_many_links", max: 2, liftsAt })).toContain(
    "Пока аккаунт новый, в сообщении может быть не более 2 ссылок на другие сайты; с 5 дек. 2026 г. — до 10. Ссылки на страницы самого Ortaq не считаются.",
  );
});

test("an established account's link refusal names only its limit", async () => {
  const html = await render("en", { reason: "too_many_links", max: 10, liftsAt: null });
  expect(html).toContain("A post may contain at most 10 links. Links to Ortaq’s own pages do not count.");
  expect(html).not.toContain("new");
});
