import { expect, expectAccessible, logIn, test } from "./fixtures";
import { chooseLanguageByCookie } from "./languages";

// A cohort's own forum category: its organisation and the members of its enterprises talk there,
// and to everyone else it does not exist.

const THREAD = "Impact reports for funders: who has written one?";

test("the organisation and a member of the demo cohort talk in its private forum, which nobody else finds", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  await logIn(page, "incubator@demo.ortaq.org");
  await chooseLanguageByCookie(page.context(), baseURL!, "en");
  await page.goto("/cohorts");
  await page.getByRole("link", { name: "Autumn 2026 accelerator" }).click();
  await page.getByRole("link", { name: "Go to the cohort forum" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Autumn 2026 accelerator" })).toBeVisible();
  await expect(page.getByText(/^Private to the cohort/)).toBeVisible();
  await expectAccessible(page);
  const categoryUrl = page.url();
  await page.getByRole("link", { name: THREAD }).click();
  await expect(page).toHaveURL(/\/forum\/threads\//);
  const threadUrl = page.url();
  // The member who asked: the demo owners are "Demo owner (KZ)" and so on, with the address owner-kz@demo.ortaq.org.
  const asker = (await page.locator("#post-1 strong").first().textContent())!;
  const country = /^Demo owner \(([A-Z]{2})\)$/.exec(asker.trim())?.[1];
  expect(country, `the first post's author, ${asker}`).toBeTruthy();

  // The member finds the category under "Your cohorts" on the forum's home page, and replies without JavaScript.
  const memberContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const member = await memberContext.newPage();
  await logIn(member, `owner-${country!.toLowerCase()}@demo.ortaq.org`);
  await chooseLanguageByCookie(memberContext, baseURL!, "en");
  await member.goto("/forum");
  const cohorts = member.getByRole("region", { name: "Your cohorts" });
  await expect(cohorts.getByRole("link", { name: "Autumn 2026 accelerator" })).toBeVisible();
  await expectAccessible(member);
  await member.goto(threadUrl);
  const reply = `We will bring our draft on Tuesday (${Date.now()}).`;
  await member.getByLabel("Your reply").fill(reply);
  await member.getByRole("button", { name: "Post the reply" }).click();
  await expect(member.getByText(reply)).toBeVisible();
  await memberContext.close();

  // Someone outside the cohort: no group, no category, no thread, nothing in search.
  const outsiderContext = await browser.newContext({ baseURL });
  const outsider = await outsiderContext.newPage();
  await logIn(outsider, "funder@demo.ortaq.org");
  await chooseLanguageByCookie(outsiderContext, baseURL!, "en");
  await outsider.goto("/forum");
  await expect(outsider.getByRole("heading", { name: "Your cohorts" })).toHaveCount(0);
  expect((await outsider.goto(categoryUrl))?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect((await outsider.goto(threadUrl))?.status()).toBe(404);
  await outsider.goto(`/forum/search?q=${encodeURIComponent("impact reports demo day")}`);
  await expect(outsider.getByRole("link", { name: THREAD })).toHaveCount(0);
  await outsiderContext.close();

  // A moderator reads every cohort's category, listed as such (not as cohorts of their own).
  const moderatorContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const moderator = await moderatorContext.newPage();
  await logIn(moderator, "moderator@demo.ortaq.org");
  await chooseLanguageByCookie(moderatorContext, baseURL!, "en");
  await moderator.goto("/forum");
  await expect(moderator.getByRole("heading", { name: "Your cohorts" })).toHaveCount(0);
  const every = moderator.getByRole("region", { name: "Every cohort's private category" });
  await expect(every.getByRole("link", { name: "Autumn 2026 accelerator" })).toBeVisible();
  await expect(every.getByText(/^As a moderator you read the private category of every cohort/)).toBeVisible();
  await moderatorContext.close();

  // The organisation sees the member's reply.
  await page.goto(threadUrl);
  await expect(page.getByText(reply)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organisation opens the forum of a new cohort from its cohort page", async ({ page, baseURL }) => {
    await logIn(page, "incubator@demo.ortaq.org");
    await chooseLanguageByCookie(page.context(), baseURL!, "en");
    await page.goto("/cohorts");
    const name = `Peer circle ${Date.now()}`;
    await page.getByLabel("Cohort name").fill(name);
    await page.getByLabel("Starts on").fill("2027-01-10");
    await page.getByLabel("Ends on").fill("2027-05-30");
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Cohort: ${name}` })).toBeVisible();
    await page.getByRole("button", { name: "Open the cohort forum" }).click();
    await expect(page.getByText("The cohort forum is open.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(/^Private to the cohort/)).toBeVisible();
    await expect(page.getByText("No threads yet.")).toBeVisible();
    // Back on the cohort page, the button has become a link to it.
    await page.goBack();
    await page.reload();
    await expect(page.getByRole("link", { name: "Go to the cohort forum" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Open the cohort forum" })).toHaveCount(0);
  });
});
