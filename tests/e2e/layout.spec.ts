import { createCookie } from "@remix-run/node";
import type { BrowserContext, Page } from "@playwright/test";
import { axeViolations, DEMO_PASSWORD, expect, expectAccessible, loadAxeInEveryPage, logIn, test } from "./fixtures";
import { aPublishedEnterprise, signUpByForm } from "./starting-state";

/**
 * Every page of the README's page table, as the role that reads it, at a phone's width (375 px) and
 * a laptop's (1,280 px), in English, Russian and Dari (right to left): no page scrolls sideways
 * (wide tables scroll inside their own region) and axe finds no violations. One logged-in browser
 * context per role, which reads its pages in each language in turn; the pages' addresses are found
 * once per role, by following the site's own links.
 * Each page is opened on the phone, then the window is widened to the laptop's width, as a reader
 * turning a tablet or widening a window would (the pages' layout is CSS; the charts follow their box).
 *
 * axe runs every rule at the laptop's width, where every element a page has is shown. The page is the
 * same document at both widths, and the stylesheet's rules for small screens change only layout (the
 * heading's size, the page's margins, the facts' columns; the menu folds into its button): on the phone
 * axe runs the one rule whose outcome that can change, a region that scrolls there must be reachable by
 * keyboard. The only elements a phone shows alone, the menu's button and its open list, are checked with
 * every rule by the last test here. Colour contrast, axe's costliest rule (four fifths of its time), is
 * checked in English: the colours are the stylesheet's, the same in every language and direction, and
 * English and Russian share the smallest type (Dari's is larger, which only eases the ratio it needs).
 */

const WIDTHS = [375, 1280] as const;
const PHONE_RULES = ["scrollable-region-focusable"];
const CONTRAST_LANGUAGE = "en";
const LANGUAGES = ["en", "ru", "fa-AF"] as const;
type Language = (typeof LANGUAGES)[number];

// The switcher's cookie, set directly: posting the switcher as a demo account would also change the
// account's own language, which other journeys running meanwhile rely on.
const languageCookie = createCookie("lng", { path: "/" });

async function chooseLanguage(context: BrowserContext, baseURL: string, language: Language) {
  const value = (await languageCookie.serialize(language)).split(";")[0]!.split("=")[1]!;
  await context.addCookies([{ name: "lng", value, url: baseURL }]);
}

/** The first link on the page at `path` whose address matches `pattern` (its path and query). */
async function firstLink(page: Page, path: string, pattern: RegExp, what: string) {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link to ${what} on ${path}`).toBeTruthy();
  return found!;
}

interface Problem {
  language: Language;
  path: string;
  width: number;
  problem: string;
}

/** Visits every page at each width and returns every sideways scroll and axe violation. */
async function pageProblems(page: Page, paths: string[], language: Language) {
  const problems: Problem[] = [];
  for (const path of paths) {
    for (const [index, width] of WIDTHS.entries()) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      if (index === 0) await page.goto(path);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(innerWidth, `the window's width on ${path}`).toBe(width);
      if (scrollWidth > innerWidth) problems.push({ language, path, width, problem: `scrolls sideways: ${scrollWidth} px wide` });
      const rules = width === 375 ? { only: PHONE_RULES } : { except: language === CONTRAST_LANGUAGE ? [] : ["color-contrast"] };
      for (const violation of await axeViolations(page, rules)) problems.push({ language, path, width, problem: violation });
    }
  }
  return problems;
}

type Role = "visitor" | "entrepreneur" | "member" | "funder" | "ministry" | "verifier" | "moderator" | "admin";

/** The pages each role is shown, found from the demo data through the site's own links. */
const PAGES: Record<Role, (page: Page) => Promise<string[]>> = {
  visitor: async (page) => {
    const enterprise = await aPublishedEnterprise(page);
    const others = await page.request.get("/api/v1/enterprises?limit=3");
    const slugs = ((await others.json()) as { items: { slug: string }[] }).items.map((item) => item.slug);
    const category = await firstLink(
      page,
      "/forum",
      /^\/forum\/(?!threads|new|search|consultations|feed|moderation|flags|posts)[a-z0-9-]+$/,
      "a category",
    );
    const thread = await firstLink(page, category, /^\/forum\/threads\/[A-Za-z0-9_-]+$/, "a thread");
    const consultation = await firstLink(page, "/forum/consultations", /^\/forum\/consultations\/[A-Za-z0-9_-]+$/, "a consultation");
    const guide = await firstLink(page, "/learn", /^\/learn\/(?!new|files)[a-z0-9-]+$/, "a guide");
    const country = await firstLink(page, "/legal", /^\/legal\/[a-z]{2}$/, "a country's law");
    return [
      "/",
      "/signup",
      "/login",
      "/forgot-password",
      "/reset-password/no-such-token",
      "/confirm-email/no-such-token",
      "/email/unsubscribe/no-such-token",
      "/methodology",
      "/ratings",
      `/compare?${slugs.map((slug) => `e=${slug}`).join("&")}`,
      "/sector",
      enterprise,
      "/forum",
      category,
      thread,
      "/forum/search?q=water",
      "/forum/consultations",
      consultation,
      "/legal",
      country,
      `${enterprise}/legal`,
      "/learn",
      guide,
      "/mentors",
      "/no/such/page",
    ];
  },
  entrepreneur: async (page) => {
    const enterprise = await firstLink(page, "/dashboard", /^\/enterprises\/(?!new)[a-z0-9-]+$/, "an own enterprise");
    const results = await firstLink(
      page,
      `${enterprise}/assessments`,
      /\/assessments\/[A-Za-z0-9_-]+\/results$/,
      "an assessment's results",
    );
    const assessment = results.replace(/\/results$/, "");
    return [
      "/dashboard",
      "/notifications",
      "/settings/password",
      "/settings/email",
      "/settings/notifications",
      "/enterprises/new",
      enterprise,
      `${enterprise}/edit`,
      `${enterprise}/members`,
      `${enterprise}/contributions`,
      `${enterprise}/assessments`,
      assessment,
      results,
      `${assessment}/verification`,
      "/forum/new",
    ];
  },
  // A new account of its own: its shortlist and flag change nothing other journeys read.
  member: async (page) => {
    await signUpByForm(page, { name: "Layout Reader" });
    const response = await page.request.post("/shortlists", { form: { intent: "create", name: "Layout" }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    const shortlist = new URL(response.headers().location!, response.url()).pathname;
    const thread = await firstLink(page, "/forum/youth-and-generations", /^\/forum\/threads\/[A-Za-z0-9_-]+$/, "a thread");
    const flag = await firstLink(page, thread, /^\/forum\/flags\?post=/, "flagging a post");
    return ["/shortlists", shortlist, flag];
  },
  funder: async () => ["/ratings", "/shortlists"],
  ministry: async () => ["/sector", "/forum/consultations/new"],
  verifier: async (page) => {
    const review = await firstLink(page, "/verification", /^\/verification\/[A-Za-z0-9_-]+$/, "a review");
    return ["/verification", review, "/settings/organisation"];
  },
  // The demo data's moderation log holds a dismissed flag; its post's page leads to its thread's and its author's.
  moderator: async (page) => {
    const post = await firstLink(page, "/forum/moderation/log", /^\/forum\/moderation\/posts\/[A-Za-z0-9_-]+$/, "a moderated post");
    const thread = await firstLink(page, post, /^\/forum\/moderation\/threads\/[A-Za-z0-9_-]+$/, "the post's thread");
    const user = await firstLink(page, post, /^\/forum\/moderation\/users\/[A-Za-z0-9_-]+$/, "the post's author");
    return ["/forum/moderation", "/forum/moderation/log", post, thread, user];
  },

  admin: async (page) => {
    const register = await firstLink(page, "/admin/registers", /^\/admin\/registers\/[A-Za-z0-9_-]+$/, "a register import");
    return ["/admin/users", "/admin/contributions", "/admin/forum", "/admin/mail", "/admin/registers", register, "/admin/mentors"];
  },
};

const LOGINS: Partial<Record<Role, string>> = {
  entrepreneur: "entrepreneur@demo.ortaq.org",
  funder: "funder@demo.ortaq.org",
  ministry: "ministry@demo.ortaq.org",
  verifier: "verifier@demo.ortaq.org",
  moderator: "moderator@demo.ortaq.org",
  admin: "admin@demo.ortaq.org",
};

for (const role of Object.keys(PAGES) as Role[]) {
  test(`${role}'s pages at ${WIDTHS.join(" and ")} px in ${LANGUAGES.join(", ")}: no sideways scrolling, no axe violations`, async ({
    page,
    context,
    baseURL,
  }) => {
    const login = LOGINS[role];
    if (login) await logIn(page, login);
    const paths = await PAGES[role](page);
    await loadAxeInEveryPage(context);
    const problems: Problem[] = [];
    for (const language of LANGUAGES) {
      // After logging in, which sets the account's own language.
      await chooseLanguage(context, baseURL!, language);
      problems.push(...(await pageProblems(page, paths, language)));
    }
    expect(problems, "pages that scroll sideways or have axe violations").toEqual([]);
  });
}

test.describe("the header", () => {
  test.use({ javaScriptEnabled: false });

  test("on a phone it is one short row whose Menu opens the links and the language without JavaScript", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/ratings");
    const header = (await page.locator("header").boundingBox())!;
    expect(header.height, "the header's height on a phone").toBeLessThanOrEqual(80);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Ratings" })).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    await expect(nav.getByRole("link", { name: "Ratings" })).toBeVisible();
    await expect(page.getByLabel("Language", { exact: true })).toBeVisible();
  });

  test("on a laptop, logged in, the links and the language switcher share one row", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.request.post("/login", {
      form: { email: "funder@demo.ortaq.org", password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    await page.goto("/ratings");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ratings" })).toBeVisible();
    const header = (await page.locator("header").boundingBox())!;
    const language = (await page.getByLabel("Language", { exact: true }).boundingBox())!;
    const firstLink = (await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ratings" }).boundingBox())!;
    expect(header.height, "the header's height").toBeLessThanOrEqual(64);
    expect(Math.abs(language.y + language.height / 2 - (firstLink.y + firstLink.height / 2)), "language beside the links").toBeLessThan(12);
  });
});

test("on a phone the open menu, and the footer's links, pass axe", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/ratings");
  await page.getByText("Menu", { exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ratings" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "More" }).getByRole("link", { name: "National law" }).click();
  await expect(page).toHaveURL(/\/legal$/);
});
