import type { Page } from "@playwright/test";
import { SUPPORTED_LANGUAGES } from "../../app/utils/i18n";
import { axeViolations, expect, logIn, test } from "./fixtures";
import { checkPage, chooseLanguageByCookie, tr } from "./languages";

// The pages of learning, mentorship and cohorts in every language Ortaq has: each page's language and
// direction, axe, no English left and numbers in the language's digits (checkPage). What people wrote
// (resources, mentors' profiles, names of cohorts and enterprises) is in whatever language they wrote it.

/** Text on the page that people wrote: marked with its own direction or language, as the pages mark it. */
async function writtenByPeople(page: Page) {
  return page.locator('main [dir="auto"], main [lang]').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).innerText.trim()));
}

for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== "en")) {
  test(`learning, mentors and a cohort with its forum, in ${language}`, async ({ page, baseURL }, testInfo) => {
    // Logging in brings the account's own language: the reader's choice is made after it.
    await logIn(page, "incubator@demo.ortaq.org");
    await chooseLanguageByCookie(page.context(), baseURL!, language);
    const t = (key: string, values?: Record<string, string | number>) => tr(language, key, values);
    // Uzbek and Turkmen are written in Latin letters, where "no English left" cannot be told by the script:
    // their pages are checked for language, axe and the main menu in their own words.
    const latin = language === "uz" || language === "tk";
    const check = async (name: string, extra: string[] = []) => {
      if (!latin) return checkPage(page, { language, testInfo, allowed: [...(await writtenByPeople(page)), ...extra] }, name);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expect(page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.ratings") })).toBeVisible();
      expect.soft(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
    };

    await page.goto("/learn");
    await expect(page.getByRole("heading", { level: 1, name: t("learning.title") })).toBeVisible();
    await check("learn");
    // A resource written in the reader's language, where the library has one (the demo has none in Dari,
    // Pashto, Turkmen or Mongolian: those readers see the others in their own languages).
    const own = page.getByRole("main").locator(`a[href^="/learn/"][lang="${language}"]`);
    if ((await own.count()) > 0) {
      // Opened at its address, so that the check reads the resource's page, not the list it replaces.
      await page.goto((await own.first().getAttribute("href"))!);
      await check("resource");
    }

    await page.goto("/mentors");
    await expect(page.getByRole("heading", { level: 1, name: t("mentorship.mentorsTitle") })).toBeVisible();
    await check("mentors");

    await page.goto("/cohorts");
    await expect(page.getByRole("heading", { level: 1, name: t("cohorts.title") })).toBeVisible();
    await check("cohorts", ["Autumn 2026 accelerator"]);
    await page.getByRole("link", { name: "Autumn 2026 accelerator" }).click();
    // Checked once the cohort's page has replaced the list (its heading is the cohort's name).
    await expect(page.getByRole("heading", { level: 1, name: "Autumn 2026 accelerator" })).toBeVisible();
    // Excel names the spreadsheet program of the download links.
    await check("cohort", ["Autumn 2026 accelerator", "Excel"]);
    await page.getByRole("link", { name: t("cohorts.forum.link") }).click();
    await expect(page.getByText(t("forum.cohortCategoryPrivate"))).toBeVisible();
    await check("cohort-forum", ["Autumn 2026 accelerator", "Impact reports for funders: who has written one?"]);
  });
}
