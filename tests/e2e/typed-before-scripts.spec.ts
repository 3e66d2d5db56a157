import type { Locator, Page } from "@playwright/test";
import { expect, logIn, test } from "./fixtures";
import { chooseLanguageByCookie } from "./languages";

// On a slow connection a page is read, and its forms filled in, before its scripts have run. What is
// typed then is what is sent: the scripts taking over the page do not put a filled-in box back.

/** Holds the page's scripts back, as a slow connection does, until the function it returns is called. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/assets/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Tells whether the page's scripts (React) have taken the element over. */
function takenOver(element: Locator) {
  return () => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber")));
}

test("a correction typed into a filled-in box before the page's scripts run is kept when they run", async ({ page, baseURL }) => {
  await logIn(page, "entrepreneur@demo.ortaq.org");
  // In English whatever language other journeys last set on the demo account.
  await chooseLanguageByCookie(page.context(), baseURL!, "en");
  const enterprise = (await page.locator(".cards h3 a").first().getAttribute("href"))!;

  // The page's scripts are held back until the reader has typed.
  const release = await holdScripts(page);
  await page.goto(`${enterprise}/edit`, { waitUntil: "commit" });
  const mission = page.getByLabel("Mission");
  await expect(mission).not.toHaveValue("");
  const hydrated = takenOver(mission);
  expect(await hydrated()).toBe(false);
  const corrected = "Clean water for every school in the district, corrected before the page had finished loading.";
  await mission.fill(corrected);

  release();
  await expect.poll(hydrated).toBe(true);
  await expect(mission).toHaveValue(corrected);
});

test("a country chosen on the sector page before its scripts run brings that country's regions when they run", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/sector", { waitUntil: "commit" });
  const country = page.getByLabel("Country", { exact: true });
  const hydrated = takenOver(country);
  await country.selectOption("KG");
  expect(await hydrated()).toBe(false);
  await expect(page.getByLabel("Region", { exact: true })).toHaveCount(0);

  release();
  await expect.poll(hydrated).toBe(true);
  await expect(country).toHaveValue("KG");
  await expect(page.getByLabel("Region", { exact: true }).locator("option", { hasText: "Chüy Region" })).toHaveCount(1);
});

test("a link pressed just as the page's scripts take it over leads there, with no script error", async ({ page }) => {
  // The press comes at the worst moment: React has begun taking the page over (its first render is
  // scheduled) and has not yet drawn anything, so it must take the page over at once to answer it.
  // The page's console is watched for errors by the fixture.
  await page.addInitScript(() => {
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<typeof post>) {
      MessagePort.prototype.postMessage = post;
      queueMicrotask(() => document.querySelector<HTMLAnchorElement>('header nav a[href="/ratings"]')!.click());
      return post.apply(this, args);
    } as typeof post;
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Ratings directory" })).toBeVisible();
});

test("on a phone the menu opened before the page's scripts run stays open when they run, and closes after a link in it is followed", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const release = await holdScripts(page);
  await page.goto("/sector", { waitUntil: "commit" });
  const menu = page.getByText("Menu", { exact: true });
  const hydrated = takenOver(menu);
  await menu.click();
  const ratings = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ratings" });
  await expect(ratings).toBeVisible();
  expect(await hydrated()).toBe(false);

  release();
  await expect.poll(hydrated).toBe(true);
  await expect(ratings).toBeVisible();
  await ratings.click();
  await expect(page.getByRole("heading", { level: 1, name: "Ratings directory" })).toBeVisible();
  await expect(ratings).toBeHidden();
});
