import { currentMethodology } from "../../scoring";
import { chooseLanguageByCookie, checkPage, tr } from "./languages";
import { expect, test } from "./fixtures";
import { newcomerJourney } from "./language-journey";

const t = (key: string, values?: Record<string, string | number>) => tr("fa-AF", key, values);

test("a newcomer goes through the whole journey in Dari, right to left, and every page is mirrored", async ({ page }, testInfo) => {
  await newcomerJourney(page, testInfo, "fa-AF", {
    displayName: "مریم",
    enterpriseName: `نانوایی امید ${Date.now()}`,
    city: "هرات",
    mission: "نان سالم از دهقانان کوچک برای خانواده‌های شهر.",
    description: "یک دکان تعاونی که از چهل مزرعهٔ کوچک می‌خرد و در شهر می‌فروشد.",
  });
});

test("the ratings directory, the sector summaries and the methodology read right to left in Dari", async ({ page, baseURL }, testInfo) => {
  await chooseLanguageByCookie(page.context(), baseURL!, "fa-AF");
  const check = { language: "fa-AF" as const, testInfo, allowed: [] as string[] };

  await page.goto("/ratings");
  await expect(page.getByRole("heading", { level: 1, name: t("directory.title") })).toBeVisible();
  await checkPage(page, check, "ratings");

  await page
    .getByRole("navigation", { name: t("nav.main") })
    .getByRole("link", { name: t("nav.sector") })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: t("sector.title") })).toBeVisible();
  // What to type into the period filter keeps ASCII digits, as the Dari glossary says, while the
  // filter reads only those; A4 is the paper size.
  await checkPage(page, { ...check, allowed: ["2026 / 2026-Q3", "(2026)", "(2026-Q3)", "A4"] }, "sector");

  await page
    .getByRole("navigation", { name: t("nav.main") })
    .getByRole("link", { name: t("nav.methodology") })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("methodology.title", { version: Number(currentMethodology.version) }) }),
  ).toBeVisible();
  await checkPage(page, check, "methodology");
});
