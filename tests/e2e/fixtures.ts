import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { linkFromOutbox } from "./outbox";

/**
 * Every page's console is watched: an error in it (a script failure, a blocked
 * script, a hydration mismatch) fails the test. A 4xx answer to a form is expected
 * behaviour, so the browser's note about it is not counted. A failed test prints
 * where its page was (address and main heading), for runs that keep only their output.
 */
export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
      errors.push(text);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      const heading = await page
        .locator("h1")
        .first()
        .innerText({ timeout: 1_000 })
        .catch(() => "(none)");
      console.log(`At the failure the page was ${page.url()}, its main heading: ${heading}`);
    }
    expect(errors, "console errors on the page").toEqual([]);
  },
});

export { expect };

// axe-core as @axe-core/playwright ships it. AxeBuilder injects it twice per check and finishes each
// run in a blank page of its own; here it is injected once per document and run in the page, with
// the same rules, which is several times quicker on pages without frames (none of ours has one).
const requireHere = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(createRequire(requireHere.resolve("@axe-core/playwright")).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
type AxeRun = (
  context: Document,
  options: object,
) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;

/**
 * The page's WCAG 2.1 A and AA violations found by axe, one line each (empty when there are none).
 * axe needs the page's timers, which do not run where JavaScript is disabled: there the page as
 * shown (without its scripts) is checked in a scriptable copy opened with the same stylesheets.
 */
export async function axeViolations(page: Page, rules: AxeRules = {}): Promise<string[]> {
  // Remix's inline script defines its context wherever scripts run.
  if (!(await page.evaluate(() => "__remixContext" in window))) return axeViolationsOfCopy(page, rules);
  return runAxe(page, rules);
}

/** Which rules axe runs: every WCAG 2.1 A and AA rule but those `except`, or `only` the rules named. */
export interface AxeRules {
  only?: string[];
  except?: string[];
}

async function runAxe(page: Page, { only, except = [] }: AxeRules): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, only, except }) => {
      const { axe } = window as unknown as { axe: { run: AxeRun } };
      // Only violations are read: passes and the rest are not collected.
      const results = await axe.run(document, {
        runOnly: only ? { type: "rule", values: only } : { type: "tag", values: tags },
        rules: Object.fromEntries(except.map((rule) => [rule, { enabled: false }])),
        resultTypes: ["violations"],
      });
      return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    },
    { tags: WCAG_TAGS, only, except },
  );
}

async function axeViolationsOfCopy(page: Page, rules: AxeRules): Promise<string[]> {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "")
    .replace(/<head>/i, `<head><base href="${new URL("/", page.url()).href}">`);
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.setContent(html, { waitUntil: "load" });
    return await runAxe(copy, rules);
  } finally {
    await context.close();
  }
}

/**
 * Has axe defined in every page the context opens from now on, before the page's own scripts: for a
 * journey that checks page after page, this is quicker than sending axe to each page when it is checked
 * (about 30 ms more per page opened against 130 ms less per page checked).
 */
export async function loadAxeInEveryPage(context: BrowserContext) {
  await context.addInitScript({ content: AXE_SOURCE });
}

export async function expectAccessible(page: Page) {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

let counter = 0;
export function uniqueEmail(prefix: string) {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}-${Math.floor(Math.random() * 1e6)}@e2e.ortaq.org`;
}

export const DEMO_PASSWORD = "ortaq-demo-2026";

export async function signUp(
  page: Page,
  {
    email,
    name = "Newcomer",
    password = "a long enough password",
    confirm = true,
  }: { email: string; name?: string; password?: string; confirm?: boolean },
) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("I come to Ortaq as").selectOption("entrepreneur");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();
  // A new account publishes and posts once its address is confirmed: follow the link the server wrote to its outbox.
  if (confirm) {
    await page.goto(await linkFromOutbox(email, "/confirm-email/"));
    await page.getByRole("button", { name: "Confirm the address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your e-mail address is confirmed" })).toBeVisible();
  }
}

/**
 * Logs in by posting the login form with the page's cookies, then opens the dashboard and waits
 * until its scripts have run (a click while React is still hydrating the page can interrupt it).
 * The form itself, with its error message, is walked in the browser in no-javascript.spec.ts.
 */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post("/login", { form: { email, password }, maxRedirects: 0 });
  expect(response.status(), `logging in as ${email}`).toBe(302);
  await page.goto("/dashboard", { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/\/dashboard/);
}

/**
 * Logs out with the button in the header and waits until the site shows the way to log in again
 * (in English or Russian), so that a login that follows is not undone by the logout still under way.
 */
export async function logOut(page: Page) {
  await page.getByRole("button", { name: /^(Log out|Выйти)$/ }).click();
  await expect(page.getByRole("link", { name: /^(Log in|Войти)$/ }).first()).toBeVisible();
}

/** Fills the enterprise form with a valid profile (region in Kazakhstan's Almaty region). */
export async function fillEnterpriseForm(page: Page, { name, foundedYear = "2019" }: { name: string; foundedYear?: string }) {
  await page.getByLabel("Name of the enterprise").fill(name);
  await page.getByLabel("Legal form").selectOption("llp");
  await page.getByLabel("Country").selectOption("KZ");
  await page.getByLabel("Region").selectOption("KZ-19");
  await page.getByLabel("City or town").fill("Talgar");
  await page.getByLabel("Sector").selectOption("agriculture_food");
  await page.getByLabel("Year founded").fill(foundedYear);
  await page.getByLabel("Number of employees").fill("7");
  await page.getByLabel("Led by a woman").check();
  await page.getByLabel("Mission").fill("Healthy food from smallholder farmers for city families.");
  await page.getByLabel("Description").fill("A cooperative shop that buys from 40 smallholder farms and sells in Almaty.");
  await page.getByLabel("5. Gender equality", { exact: false }).check();
  await page.getByLabel("Women", { exact: true }).check();
}

/** Answers every question shown in the current questionnaire section with its first answer, or a number. */
export async function answerShownQuestions(page: Page, number = "3") {
  const questions = page.locator("fieldset.question");
  // Counted again after each answer: an answer can bring in questions that depend on it.
  for (let i = 0; i < (await questions.count()); i++) {
    const question = questions.nth(i);
    const radios = question.getByRole("radio");
    if ((await radios.count()) > 0) {
      await radios.first().check();
      continue;
    }
    const text = question.locator('input[type="text"]');
    if ((await text.count()) > 0) {
      await text.first().fill(number);
      continue;
    }
    await question.getByRole("checkbox").first().check();
  }
}

/** Creates and publishes an enterprise as the logged-in user; returns its public path. */
export async function createPublishedEnterprise(page: Page, name: string) {
  await page.goto("/enterprises/new");
  await fillEnterpriseForm(page, { name });
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: "Publish profile" }).click();
  await expect(page.getByText("The profile is published")).toBeVisible();
  return new URL(page.url()).pathname;
}
