import type { Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { expect, logIn, test } from "./fixtures";
import { signUpByForm } from "./starting-state";

// Every payload calls window.__xss() (or alert) if it ever runs. The app's Content-Security-Policy
// would block inline scripts anyway; these checks do not rely on it: they also look for any
// script element or event-handler attribute that made it into the page.

async function watchForScripts(page: Page) {
  const ran: string[] = [];
  await page.exposeFunction("__xssReport", (what: string) => ran.push(what));
  await page.addInitScript(() => {
    const report = (what: string) => (window as unknown as { __xssReport: (w: string) => void }).__xssReport(what);
    (window as unknown as { __xss: (w: string) => void }).__xss = (what: string) => report(`__xss(${what})`);
    window.alert = (message?: unknown) => report(`alert(${String(message)})`);
    window.confirm = () => {
      report("confirm");
      return false;
    };
  });
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return ran;
}

/** Fails if the main content holds a script element, an event-handler attribute or a script link. */
async function expectInertContent(page: Page) {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector("main")!;
    for (const element of main.querySelectorAll("*")) {
      const tag = element.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "svg", "math", "style", "img", "details"].includes(tag)) problems.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        if (attribute.name.toLowerCase().startsWith("on")) problems.push(`${tag}[${attribute.name}]`);
        if (["href", "src", "action", "formaction"].includes(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) {
          problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
        }
      }
    }
    return problems;
  });
  expect(found, `dangerous markup on ${page.url()}`).toEqual([]);
}

test("no XSS payload in a post, title, tag or display name ever runs, and each is shown as text", async ({ page, browser }) => {
  const ran = await watchForScripts(page);
  const displayName = `"><img src=x onerror=window.__xss('name')>`;
  await signUpByForm(page, { name: displayName });
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(displayName);
  await expectInertContent(page);

  await page.goto("/forum/new");
  await page.getByLabel("Category").selectOption({ label: "Social entrepreneurship" });
  const title = `<script>window.__xss("title")</script> ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your message").fill(XSS_PAYLOADS.slice(0, 12).join("\n\n"));
  await page.getByLabel("Tags (optional)").fill(`<svg onload=__xss('tag')>`);
  await page.getByRole("button", { name: "Publish the thread" }).click();
  // A tag must be a word: the payload is refused, and shown back as typed, as text.
  await expect(page.getByText("Tags are single words of letters and digits, joined by hyphens if needed.")).toBeVisible();
  await expect(page.getByLabel("Tags (optional)")).toHaveValue(`<svg onload=__xss('tag')>`);
  await expectInertContent(page);
  await page.getByLabel("Tags (optional)").fill("safety");
  await page.getByRole("button", { name: "Publish the thread" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`<script>window.__xss("title")</script>`);
  await expect(page.locator("#post-1 .person strong")).toHaveText(displayName);
  await expect(page.locator("#post-1")).toContainText(`<img src=x onerror="window.__xss('img')">`);
  await expectInertContent(page);
  const threadUrl = page.url();

  // An established account posts the rest, and mentions the author so the notification shows the title.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherRan = await watchForScripts(other);
  await logIn(other, "funder@demo.ortaq.org");
  await other.goto(threadUrl);
  await other.getByLabel("Your reply").fill(XSS_PAYLOADS.slice(12).join("\n\n"));
  await other.getByRole("button", { name: "Post the reply" }).click();
  await expect(other.locator("#post-2")).toContainText(`<<script>script>window.__xss("nested")<</script>/script>`);
  await expectInertContent(other);
  await other.goto(`/forum/search?${new URLSearchParams({ q: "script" })}`);
  await expect(other.getByRole("link", { name: new RegExp("window.__xss") }).first()).toBeVisible();
  await expectInertContent(other);
  await otherContext.close();
  expect(otherRan).toEqual([]);

  for (const path of ["/forum", "/forum/social-entrepreneurship", "/notifications", threadUrl]) {
    await page.goto(path);
    await expectInertContent(page);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>");
  // The Atom feed carries the same title and body: well-formed XML, everything escaped.
  for (const path of ["/forum/feed.atom", "/forum/social-entrepreneurship/feed.atom"]) {
    const xml = await (await page.request.get(path)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        titles: [...doc.querySelectorAll("entry > title")].map((e) => e.textContent),
      };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.titles).toContain(title);
  }
  const html = await page.content();
  expect(html).not.toContain(`<img src=x onerror`);
  expect(html).not.toContain(`<script>window.__xss`);
  expect(ran).toEqual([]);
});
