// Needs no database.
import i18next from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterEach, expect, test, vi } from "vitest";
import { ThreadList, type ThreadListItemView } from "~/components/forum";
import { KeptHtmlProvider } from "~/components/kept-html";
import en from "~/locales/en/common.json";
import { resetEnvCache } from "~/utils/env.server";
import { i18nConfig } from "~/utils/i18n";
import { keptHtml } from "~/utils/kept-html.server";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function renderList(threads: ThreadListItemView[]) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: "en", resources: { en: { common: en } } });
  return renderToString(
    <I18nextProvider i18n={instance}>
      <KeptHtmlProvider value={keptHtml}>
        <ThreadList threads={threads} people={{ u1: { id: "u1", displayName: "Aigerim Sadykova", handle: null, badges: [] } }} />
      </KeptHtmlProvider>
    </I18nextProvider>,
  );
}

test("a consultation's row, kept by the server, shows it closed once its closing time has passed", async () => {
  vi.stubEnv("NODE_ENV", "production");
  resetEnvCache();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T12:00:00Z"));
  const consultation: ThreadListItemView = {
    id: `kept-row-${Date.now()}`,
    title: "Draft law on social enterprises",
    tags: ["law"],
    kind: "consultation",
    pinned: false,
    locked: false,
    postCount: 3,
    lastPostAt: "2026-11-30T09:00:00Z",
    authorId: "u1",
    language: "en",
    category: { slug: "policy", name: "Policy" },
    consultation: { closesAt: "2026-12-02T00:00:00Z", closedAt: null },
  };
  const before = await renderList([consultation]);
  expect(before).toContain("Consultation open");
  expect(before).toContain("Aigerim Sadykova");
  vi.setSystemTime(new Date("2026-12-03T12:00:00Z"));
  const after = await renderList([consultation]);
  expect(after).toContain("Consultation closed");
  expect(after).not.toContain("Consultation open");
});
