import { expect, logIn, test } from "./fixtures";

/** The demo entrepreneur reads Russian by default; these tests read the English labels. */
async function inEnglish(page: import("@playwright/test").Page) {
  await page.request.post("/language", { form: { language: "en", redirectTo: "/forum" } });
}

// The forum's pages are checked with axe in forum.spec.ts; axe itself needs JavaScript to run.

test.use({ javaScriptEnabled: false });

test("without JavaScript one starts a thread, quotes, replies, edits, deletes, reacts, watches, searches and reads notifications", async ({
  page,
  browser,
}) => {
  await logIn(page, "entrepreneur@demo.ortaq.org");
  await inEnglish(page);
  await page.goto("/forum/youth-and-generations");
  await page.getByRole("link", { name: "Start a thread" }).click();
  await expect(page.getByLabel("Category")).toHaveValue(/.+/);
  await page.getByLabel("Title").fill("Hi");
  await page.getByLabel("Your message").fill("A **study group** for young founders in Taraz.");
  await page.getByRole("button", { name: "Publish the thread" }).click();
  await expect(page.getByText("Give the thread a title of at least 5 characters.")).toBeVisible();
  await expect(page.getByLabel("Your message")).toHaveValue("A **study group** for young founders in Taraz.");
  const title = `Study group in Taraz ${Math.floor(Math.random() * 1e6)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Publish the thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();

  // Another person quotes and replies, all through plain forms.
  const otherContext = await browser.newContext({ javaScriptEnabled: false });
  const other = await otherContext.newPage();
  await logIn(other, "verifier@demo.ortaq.org");
  await other.goto(threadUrl);
  await other.getByRole("link", { name: "Quote post 1" }).click();
  await expect(other.getByLabel("Your reply")).toHaveValue(/^> @aigerim-sadykova \[wrote\]/);
  await other.getByRole("button", { name: "Post the reply" }).click();
  await expect(other.locator("#post-2 blockquote")).toContainText("study group");
  await other
    .locator("#post-1")
    .getByRole("button", { name: /Helpful/ })
    .click();
  await expect(other.locator("#post-1").getByRole("button", { name: /Helpful/ })).toHaveAttribute("aria-pressed", "true");
  await other.getByRole("button", { name: "Stop watching this thread" }).click();
  await expect(other.getByRole("button", { name: "Watch this thread" })).toBeVisible();
  await otherContext.close();

  await page.goto(threadUrl);
  await expect(page.locator("#post-1")).toContainText("1 person found this helpful");
  await page.getByRole("link", { name: "Edit post 1" }).click();
  await page.getByLabel("Title").fill(`${title} (weekly)`);
  await page.getByLabel("Edit your message").fill("");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByText("Please fill this in.")).toBeVisible();
  await page.getByLabel("Edit your message").fill("A weekly study group for young founders in Taraz.");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title} (weekly)` })).toBeVisible();
  await expect(page.locator("#post-1")).toContainText("A weekly study group");

  await page.getByLabel("Your reply").fill("A reply I will take back.");
  await page.getByRole("button", { name: "Post the reply" }).click();
  await expect(page.locator("#post-3")).toContainText("A reply I will take back.");
  await page.getByRole("button", { name: "Delete post 3" }).click();
  await expect(page.locator("#post-3")).toContainText("This post was deleted by its author.");
  await expect(page.locator("#post-2")).toContainText("study group");

  await page.getByRole("link", { name: /Notifications/ }).click();
  await page.getByRole("button", { name: `Nodira Verification replied to you in “${title} (weekly)”` }).click();
  await expect(page).toHaveURL(/#post-2$/);
  await page.goto("/notifications");
  if (await page.getByRole("button", { name: "Mark all as read" }).isVisible()) {
    await page.getByRole("button", { name: "Mark all as read" }).click();
  }
  await expect(page.getByText("0 unread notifications")).toBeVisible();

  await page.goto("/forum/youth-and-generations");
  await page.getByRole("button", { name: "Watch this category" }).click();
  await expect(page.getByRole("button", { name: "Stop watching this category" })).toBeVisible();
  await page.getByRole("link", { name: "Search this category" }).click();
  await page.getByLabel("Search threads and replies").fill("weekly study group");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: `${title} (weekly)` })).toBeVisible();
});
