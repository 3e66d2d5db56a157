import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Every page is sent with a Content-Security-Policy that allows only Ortaq's own scripts (no eval).
// A page whose scripts try anything else is refused by the browser, and says so to anyone who looks
// (Lighthouse counts it against the page): the pages with forms and their checks run without one.

/** Records the policy violations a page reports from its first script on. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

async function firstLink(page: Page, from: string, prefix: string) {
  await page.goto(from);
  const href = await page.getByRole("main").locator(`a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link to ${prefix} on ${from}`).toBeTruthy();
  return href!;
}

test("pages with forms and their browser checks run under the Content-Security-Policy without one violation", async ({ page }) => {
  const pages = [
    "/signup",
    "/login",
    "/learn",
    await firstLink(page, "/ratings", "/enterprises/"),
    await firstLink(page, "/forum", "/forum/threads/"),
  ];
  await watchViolations(page);
  for (const path of pages) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.locator('[data-form-progress="listening"]')).toBeAttached();
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations, `policy violations on ${path}`).toEqual([]);
  }
  await page.goto("/signup", { waitUntil: "networkidle" });
  await page.getByRole("main").getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
