import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, logIn, test } from "./fixtures";

// The whole of "learning and mentorship" for one entrepreneur, in Russian: the improvement plan, two of its
// guides in Russian, a mentor asked for and accepted, a session logged against a plan item, an item marked
// done; then a support organisation invites the enterprise into its cohort, the owner consents, and the
// cohort page shows the enterprise's rating and progress until it leaves. Once with JavaScript (with axe on
// the new pages) and once without, each on a different demo enterprise.

type Tree = { [key: string]: string | Tree };
const locale = (language: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), "app/locales", language, "common.json"), "utf8")) as Tree;
const ru = locale("ru");
const en = locale("en");
const text = (tree: Tree, key: string, values: Record<string, string> = {}) => {
  const found = key.split(".").reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree);
  return Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, v), found as string);
};
const r = (key: string, values?: Record<string, string>) => text(ru, key, values);
const e = (key: string, values?: Record<string, string>) => text(en, key, values);

async function newPage(browser: Browser, javaScriptEnabled: boolean, email: string) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

async function journey(page: Page, browser: Browser, { js, index }: { js: boolean; index: number }) {
  // The entrepreneur reads their improvement plan in Russian.
  await logIn(page, "entrepreneur@demo.ortaq.org");
  await page.request.post("/language", { form: { language: "ru", redirectTo: "/dashboard" } });
  await page.goto("/dashboard");
  // An own enterprise: the link that names it, at the head of its card.
  const link = page.getByRole("main").locator(".cards h3 a").nth(index);
  const name = (await link.innerText()).trim();
  const slug = (await link.getAttribute("href"))!;
  await page.goto(`${slug}/assessments`);
  await page.getByRole("main").getByRole("table").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: r("results.plan") })).toBeVisible();
  const resultsUrl = page.url();

  // Two of the plan's guides, in Russian.
  const guides = page.locator('.plan-resources a[lang="ru"]');
  const hrefs = [...new Set(await guides.evaluateAll((links) => links.map((a) => a.getAttribute("href")!)))];
  expect(hrefs.length).toBeGreaterThanOrEqual(2);
  for (const href of hrefs.slice(0, 2)) {
    const title = (await page.locator(`.plan-resources a[href="${href}"]`).first().innerText()).trim();
    await page.locator(`.plan-resources a[href="${href}"]`).first().click();
    await expect(page).toHaveURL(/lang=ru/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.goto(resultsUrl);
  }

  // Asks for a mentor from the plan; the suggested demo mentor accepts.
  await page.getByRole("link", { name: r("mentorship.askMentor") }).click();
  await page.getByRole("button", { name: r("mentorship.askThis", { name: "Gulnara Abdrakhmanova" }) }).click();
  await expect(page.getByText(r("mentorship.notice.requested"))).toBeVisible();
  const mentorshipUrl = page.url();
  const mentor = await newPage(browser, js, "mentor@demo.ortaq.org");
  await mentor.goto(mentorshipUrl);
  await mentor.getByRole("button", { name: text(locale("ru"), "mentorship.accept") }).click();
  await expect(mentor.getByText(r("mentorship.notice.accepted"))).toBeVisible();
  await mentor.context().close();

  // Logs a session against the first goal (a plan item), and marks that item done on the plan.
  await page.goto(mentorshipUrl);
  const goal = (await page.getByLabel(r("mentorship.sessionGoal")).locator("option:checked").innerText()).trim();
  await page.getByLabel(r("mentorship.sessionDate")).fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel(r("mentorship.sessionNotes")).fill("Разобрали бюджет и первые шаги.");
  await page.getByRole("button", { name: r("mentorship.saveSession") }).click();
  await expect(page.getByText(r("mentorship.notice.sessionLogged"))).toBeVisible();
  await expect(page.getByText("Разобрали бюджет и первые шаги.")).toBeVisible();
  // Once the page's scripts have run: a press while React is still taking over the page can be lost.
  await page.goto(resultsUrl, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: r("cohorts.markDoneLabel", { item: goal }) }).click();
  await expect(page.getByText(r("cohorts.notice.planItemDone"))).toBeVisible();
  await expect(page.getByRole("button", { name: r("cohorts.markUndoneLabel", { item: goal }) })).toBeVisible();

  // A support organisation creates a cohort and invites the enterprise: before consent it sees no rating.
  const hub = await newPage(browser, js, "incubator@demo.ortaq.org");
  await hub.goto("/cohorts");
  if (js) await expectAccessible(hub);
  const cohort = `Spring ${js ? "A" : "B"} ${Date.now()}`;
  await hub.getByLabel(e("cohorts.fields.name")).fill(cohort);
  await hub.getByLabel(e("cohorts.fields.startsOn")).fill("2026-03-01");
  await hub.getByLabel(e("cohorts.fields.endsOn")).fill("2026-02-01");
  await hub.getByRole("button", { name: e("cohorts.create") }).click();
  await expect(hub.getByText(e("cohorts.errors.endsBeforeStart"))).toBeVisible();
  await hub.getByLabel(e("cohorts.fields.endsOn")).fill("2026-08-31");
  await hub.getByRole("button", { name: e("cohorts.create") }).click();
  await expect(hub.getByText(e("cohorts.notice.created"))).toBeVisible();
  await expect(hub.getByRole("heading", { level: 1, name: e("cohorts.pageTitle", { name: cohort }) })).toBeVisible();
  await hub.getByLabel(e("cohorts.search")).fill(name);
  await hub.getByRole("button", { name: e("cohorts.searchSubmit") }).click();
  await hub.getByRole("button", { name: e("cohorts.inviteLabel", { name }) }).click();
  await expect(hub.getByText(e("cohorts.notice.invited"))).toBeVisible();
  if (js) await expectAccessible(hub);
  const cohortUrl = hub.url();
  await expect(hub.getByRole("table", { name: e("cohorts.membersCaption") })).toHaveCount(0);

  // The owner sees the invitation on the enterprise's page and consents.
  await page.goto(slug);
  await page.getByRole("link", { name: r("cohorts.answerInvitations") }).click();
  await expect(page.getByRole("heading", { level: 3, name: cohort })).toBeVisible();
  if (js) await expectAccessible(page);
  await page
    .getByRole("article")
    .filter({ hasText: cohort })
    .getByRole("button", { name: r("cohorts.accept") })
    .click();
  await expect(page.getByText(r("cohorts.notice.accepted"))).toBeVisible();

  // The cohort page shows its rating (score, tier, trust) and progress (a plan item done, a session).
  await hub.goto(cohortUrl);
  const row = hub
    .getByRole("table", { name: e("cohorts.membersCaption") })
    .getByRole("row")
    .filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText(/\d/);
  await expect(row).toContainText(/Self-assessed|Verified|Expired/);
  await expect(row).toContainText(/[1-9]\d* of \d+ done/);
  await expect(row.getByRole("cell").last()).toHaveText(/^[1-9]\d*$/);
  if (js) await expectAccessible(hub);

  // The owner leaves: consent withdrawn, the enterprise disappears from the cohort page.
  await page.getByRole("button", { name: r("cohorts.leaveLabel", { name: cohort }) }).click();
  await expect(page.getByText(r("cohorts.notice.left"))).toBeVisible();
  await hub.goto(cohortUrl);
  await expect(hub.getByText(e("cohorts.noMembers"))).toBeVisible();
  await hub.context().close();
}

test("with JavaScript: plan, Russian guides, mentor, session, cohort invitation, consent, rating and progress", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await journey(page, browser, { js: true, index: 0 });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same journey with plain forms", async ({ page, browser }) => {
    test.setTimeout(240_000);
    await journey(page, browser, { js: false, index: 1 });
  });
});
