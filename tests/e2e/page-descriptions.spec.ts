import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { chooseLanguageByCookie, tr } from "./languages";

// Search engines and shared links show a page's description under its title: every public page has
// one, in the reader's language, and a thread's is what the thread is about.

const description = (page: Page) => page.locator('meta[name="description"]').getAttribute("content");

async function firstLink(page: Page, from: string, prefix: string) {
  await page.goto(from);
  const href = await page.getByRole("main").locator(`a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link to ${prefix} on ${from}`).toBeTruthy();
  return href!;
}

test("every public page has a description, and a thread's is the words of its opening post", async ({ page }) => {
  const enterprise = await firstLink(page, "/ratings", "/enterprises/");
  // A thread of the demo written in Markdown (emphasis, a list, a link), found by its words: the newest
  // threads are other journeys', and one of them is about HTML.
  await page.goto("/forum/search?q=evidence+beneficiary+numbers");
  const thread = (await page
    .getByRole("main")
    .getByRole("link", { name: "What counts as evidence for beneficiary numbers?" })
    .first()
    .getAttribute("href"))!;
  for (const path of ["/", "/ratings", enterprise, "/sector", "/methodology", "/forum", thread, "/legal", "/learn", "/mentors"]) {
    await page.goto(path);
    const text = await description(page);
    expect(text?.trim().length ?? 0, `the description of ${path}`).toBeGreaterThan(30);
    expect(text, `the description of ${path}`).not.toMatch(/[*_`#[\]]|<\w/);
  }
  // The thread's description is its question (a consultation) or its opening post, in plain words.
  await page.goto(thread);
  const shown = (await page.getByRole("main").innerText()).replace(/\s+/g, " ");
  expect(shown).toContain((await description(page))!.slice(0, 40));
});

test("descriptions are in the reader's language", async ({ page, baseURL }) => {
  await chooseLanguageByCookie(page.context(), baseURL!, "ru");
  await page.goto("/methodology");
  expect(await description(page)).toBe(tr("ru", "methodology.intro"));
  await page.goto("/sector");
  expect(await description(page)).toBe(tr("ru", "sector.intro", { min: 5 }));
});
