import { expect, expectAccessible, logIn, logOut, test } from "./fixtures";
import { signUpByForm } from "./starting-state";

/** The demo entrepreneur reads Russian by default; these tests read the English labels. */
async function inEnglish(page: import("@playwright/test").Page) {
  await page.request.post("/language", { form: { language: "en", redirectTo: "/forum" } });
}

test("a newcomer starts a thread, gets a quoted reply with a mention, is notified, reacts and finds the thread by search", async ({
  page,
  browser,
}) => {
  const suffix = Math.floor(Math.random() * 1e6);
  const name = `Zarina Tokaeva ${suffix}`;
  await signUpByForm(page, { name });
  await page.goto("/dashboard");

  await page.getByRole("link", { name: "Forum" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forum" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Finance and funding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finance and funding" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Как мы получили первый займ без залога" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Start a thread" }).click();
  await expect(page.getByLabel("Category")).toHaveValue(/.+/);
  await expectAccessible(page);
  const title = `Crowdfunding a bakery in Osh ${suffix}`;
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Your message")
    .fill("We want to raise **5,000 USD** for an oven.\n\n- Has anyone used local crowdfunding platforms?\n- Which rules apply?");
  await page.getByLabel("Tags (optional)").fill("Crowdfunding, Osh");
  await page.getByRole("button", { name: "Publish the thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("#post-1").getByText("5,000 USD")).toHaveJSProperty("tagName", "STRONG");
  await expect(page.getByRole("link", { name: "#crowdfunding" })).toBeVisible();
  const threadUrl = page.url();
  const handle = (await page.locator("#post-1 .handle").innerText()).trim();
  expect(handle).toBe(`@zarina-tokaeva-${suffix}`);
  await expectAccessible(page);

  const funderContext = await browser.newContext();
  const funder = await funderContext.newPage();
  await logIn(funder, "funder@demo.ortaq.org");
  await funder.goto(threadUrl);
  await funder.getByRole("link", { name: "Quote post 1" }).click();
  const replyBox = funder.getByLabel("Your reply");
  await expect(replyBox).toHaveValue(new RegExp(`^> ${handle} \\[wrote\\]\\(/forum/posts/`));
  await expect(replyBox).toHaveValue(/> We want to raise \*\*5,000 USD\*\* for an oven\./);
  await replyBox.press("Control+End");
  await replyBox.pressSequentially(`${handle} we co-fund ovens: write to us. The national rules are in the Finance category.`);
  await funder.getByRole("button", { name: "Post the reply" }).click();
  await expect(funder).toHaveURL(/#post-2$/);
  const reply = funder.locator("#post-2");
  await expect(reply.locator("blockquote")).toContainText("We want to raise");
  // The quote's attribution names the author, and so does the new text.
  await expect(reply.locator(".mention")).toHaveText([handle, handle]);
  await expect(reply.getByText("Funder", { exact: true })).toBeVisible();
  await funderContext.close();

  await page.goto("/forum");
  const notificationsLink = page.getByRole("link", { name: /Notifications/ });
  await expect(notificationsLink).toContainText("1 unread notification");
  await notificationsLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Daniyar Fund mentioned you in “${title}”` }).click();
  await expect(page).toHaveURL(/#post-2$/);
  await expect(page.getByRole("link", { name: /Notifications/ })).not.toContainText("unread");

  const helpful = page.locator("#post-2").getByRole("button", { name: /Helpful/ });
  await expect(helpful).toHaveAttribute("aria-pressed", "false");
  await helpful.click();
  await expect(page.locator("#post-2").getByRole("button", { name: /Helpful/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#post-2").getByRole("button", { name: /Helpful/ })).toContainText("1");

  await page.goto("/forum");
  await page.getByLabel("Search threads and replies").fill("national rules");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Search the forum" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/#post-2$/);
});

test("a moderator reads a post's edit history, and the enterprise page lists its threads", async ({ page }) => {
  await logIn(page, "entrepreneur@demo.ortaq.org");
  await inEnglish(page);
  await page.goto("/forum/new");
  await page.getByLabel("Category").selectOption({ label: "Inclusion" });
  const title = `Sign language lessons ${Math.floor(Math.random() * 1e6)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your message").fill("Our first version of the text.");
  const enterprise = page.getByLabel("Enterprise (optional)");
  const enterpriseName = (await enterprise.locator("option").nth(1).innerText()).trim();
  await enterprise.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Publish the thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: enterpriseName })).toBeVisible();
  await page.getByRole("link", { name: "Edit post 1" }).click();
  await page.getByLabel("Edit your message").fill("The corrected version of the text.");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.locator("#post-1")).toContainText("The corrected version of the text.");
  await expect(page.locator("#post-1")).toContainText("edited");
  await page.getByRole("link", { name: enterpriseName }).click();
  await expect(page.getByRole("heading", { name: "In the forum" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  const threadPath = await page.getByRole("link", { name: title }).getAttribute("href");
  await logOut(page);

  await logIn(page, "moderator@demo.ortaq.org");
  await page.goto(threadPath!);
  await page.getByRole("link", { name: "1 earlier version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /History of post 1/ })).toBeVisible();
  await expect(page.getByText("Our first version of the text.")).toBeVisible();
  await expectAccessible(page);
  // The post's moderation page lists the same earlier versions, written the same way.
  const postId = new URL(page.url()).pathname.split("/")[3];
  await page.goto(`/forum/moderation/posts/${postId}`);
  const history = page.getByRole("list").filter({ hasText: "Our first version of the text." });
  await expect(history.getByText(/^Replaced on .+ by /)).toBeVisible();
});

test("the forum reads in Russian, and a visitor without an account can read but is asked to log in to post", async ({ page }) => {
  await page.goto("/forum");
  await page.getByLabel("Language", { exact: true }).selectOption("ru");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Форум" })).toBeVisible();
  await page.getByRole("link", { name: "Регулирование и политика" }).click();
  await page.getByRole("link", { name: "Законопроект о социальном предпринимательстве: что изменить?" }).click();
  await expect(page.getByRole("heading", { name: "Общественная консультация" })).toBeVisible();
  await expect(page.getByText(/принимает ответы до/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Войдите, чтобы ответить" })).toBeVisible();
  await expectAccessible(page);
});
