// Needs no database.
import { expect, test, vi } from "vitest";
import { i18nFor } from "~/utils/i18next.server";

test("a label, or a translation with the same plain options, is worked out by i18next once and answers the same each time", async () => {
  const instance = await i18nFor("ru");
  const translate = vi.spyOn(instance, "t");
  try {
    const t = instance.getFixedT(null, "common");
    const label = t("nav.skipToContent");
    const greeting = t("dashboard.greeting", { name: "Айгерим" });
    expect(label).not.toBe("nav.skipToContent");
    expect(greeting).toContain("Айгерим");
    const calls = translate.mock.calls.length;
    // Another translation function of the same instance, as each render's `useTranslation` gets.
    const again = instance.getFixedT(null, "common");
    expect(again("nav.skipToContent")).toBe(label);
    expect(again("dashboard.greeting", { name: "Айгерим" })).toBe(greeting);
    expect(t("nav.skipToContent")).toBe(label);
    expect(translate.mock.calls.length).toBe(calls);
    // Other values are another translation; a value that is not plain (a date, a list) is passed on every time.
    expect(t("dashboard.greeting", { name: "Бакыт" })).toContain("Бакыт");
    expect(translate.mock.calls.length).toBe(calls + 1);
    t("dashboard.greeting", { name: "Бакыт", when: new Date(0) });
    t("dashboard.greeting", { name: "Бакыт", when: new Date(0) });
    expect(translate.mock.calls.length).toBe(calls + 3);
  } finally {
    translate.mockRestore();
  }
});

test("translations with options, other namespaces and missing keys answer as i18next does", async () => {
  const instance = await i18nFor("en");
  const t = instance.getFixedT(null, "common");
  for (let round = 0; round < 2; round++) {
    expect(t("dashboard.greeting", { name: "Aigerim" })).toBe("Welcome, Aigerim");
    expect(t("dashboard.greeting", { name: "Bakyt" })).toBe("Welcome, Bakyt");
    expect(t("admin.count", { count: 1 })).toBe("1 user");
    expect(t("admin.count", { count: 3 })).toBe("3 users");
    expect(t("no.such.key")).toBe("no.such.key");
    expect(t("site.name")).toBe("Ortaq");
    // The same key in another namespace is another translation.
    expect(instance.getFixedT(null, "legal")("site.name")).toBe("site.name");
    // A function for another language is i18next's own, in that language.
    expect(instance.getFixedT("ru", "common")("admin.count", { count: 3 })).not.toBe("3 users");
  }
});
