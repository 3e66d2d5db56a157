import { expect, expectAccessible, logIn, logOut, test } from "./fixtures";

const CLOSED = "Reporting for social enterprises: one simple annual form";
const OPEN = "Public procurement for social enterprises: a reserved share?";
const SPAM = "Buy cheap followers and likes";

function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a flagged post is hidden by a moderator from the queue, shows as hidden, and the log shows why", async ({ page, browser }) => {
  // Long journeys through several pages and accounts.
  test.slow();
  await logIn(page, "funder@demo.ortaq.org");
  await page.goto("/forum");
  await expect(page.getByRole("link", { name: "Moderation queue" })).toHaveCount(0);
  await page.getByRole("link", { name: "Consultations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: CLOSED }).click();
  await expect(page.getByRole("heading", { level: 1, name: CLOSED })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary of the consultation" })).toBeVisible();
  await expectAccessible(page);

  // Flagging from the thread itself.
  await page.getByRole("link", { name: "Read the discussion" }).click();
  // The consultation page has a post #4 and a flag link too: wait until the thread is shown.
  await expect(page).toHaveURL(/\/forum\/threads\//);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(CLOSED) })).toBeVisible();
  const spamPost = page.locator("#post-4");
  await spamPost.getByRole("link", { name: "Flag post #4" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flag a post" })).toBeVisible();
  await expect(page.getByText(SPAM)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What is wrong with it?").selectOption("spam");
  await page.getByLabel("A note for the moderators (optional)").fill("Advertising fake followers");
  await page.getByRole("button", { name: "Send the flag" }).click();
  await expect(page).toHaveURL(/\/forum\/threads\//);
  await expect(page.getByRole("status").filter({ hasText: "Thank you. The moderators will look at the post." })).toBeVisible();
  await expect(spamPost.getByRole("link", { name: "You flagged post #4" })).toBeVisible();
  await expectAccessible(page);

  // The flag page then says when and why.
  await spamPost.getByRole("link", { name: "You flagged post #4" }).click();
  await expect(page.getByText(/You flagged this post on .* \(Spam or advertising\)/)).toBeVisible();

  // Not a moderator: the queue is not for everyone.
  const refused = await page.goto("/forum/moderation");
  expect(refused?.status()).toBe(403);
  await logOut(page);

  await logIn(page, "moderator@demo.ortaq.org");
  // The dashboard says how many posts wait; the forum leads to them too.
  await expect(page.getByRole("heading", { level: 2, name: "Moderation queue" }).getByRole("link")).toBeVisible();
  await expect(page.getByText(/^\d+ posts? waits? for a decision\.$/)).toBeVisible();
  await page.goto("/forum");
  await page.getByRole("link", { name: "Moderation queue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation queue" })).toBeVisible();
  await expectAccessible(page);
  const item = page
    .getByRole("listitem")
    .filter({ hasText: SPAM })
    .filter({ has: page.getByRole("button", { name: "Hide the post" }) });
  await expect(item.getByText("Spam or advertising")).toBeVisible();
  await expect(item.getByText("Advertising fake followers")).toBeVisible();
  await item.getByLabel("Reason (kept in the moderation log)").fill("Advertising unrelated to the consultation");
  await item.getByRole("button", { name: "Hide the post" }).click();
  await expect(page.getByText("The post is hidden and its author has been told why.")).toBeVisible();
  await expect(page.getByText(SPAM)).toHaveCount(0);

  await page.goto("/forum/consultations");
  await page.getByRole("link", { name: CLOSED }).click();
  // Moderators still see the text, marked as hidden, on the consultation as in its thread; anyone else reads a placeholder.
  await expect(page.locator("#post-4").getByText("Hidden by a moderator; only moderators see this text.")).toBeVisible();
  const visitor = await browser.newPage();
  await visitor.goto(page.url());
  await expect(visitor.locator("#post-4").getByText("This post was hidden by a moderator.")).toBeVisible();
  await expect(visitor.getByText(SPAM)).toHaveCount(0);
  await visitor.close();
  // In the thread too, with the thread's moderation form.
  await page.getByRole("link", { name: "Read the discussion" }).click();
  await expect(page.locator("#post-4").getByText("Hidden by a moderator; only moderators see this text.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Moderate this thread" })).toBeVisible();
  await expectAccessible(page);

  // The moderator's view of the post: its text, the flag, the edit history.
  await page.locator("#post-4").getByRole("link", { name: "Moderate post #4" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Post #4/ })).toBeVisible();
  await expect(page.getByText(/Hidden by Bakyt Moderator .*Advertising unrelated to the consultation/)).toBeVisible();
  await expect(page.getByText("This post has not been edited.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Moderate the thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Moderate “${CLOSED}”` })).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await page.getByRole("link", { name: "Moderate Demo owner (KG)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderate Demo owner (KG)" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/forum/moderation/log");
  await expect(page.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Advertising unrelated to the consultation" });
  await expect(row.getByRole("cell", { name: "Hid a post" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Bakyt Moderator" })).toBeVisible();
  await expectAccessible(page);
});

test("a ministry opens a consultation, closes it early and publishes a summary shown at the top (in Russian, the ministry's language), which an admin may correct", async ({
  page,
}) => {
  // Long journeys through several pages and accounts.
  test.slow();
  const title = `Green procurement rules ${Date.now()}`;
  await logIn(page, "ministry@demo.ortaq.org");
  await page.goto("/forum/consultations");
  await page.getByRole("link", { name: "Открыть консультацию" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Открыть консультацию" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Заголовок").fill(title);
  await page
    .getByLabel("Вопрос")
    .fill(
      "Should public buyers prefer suppliers with a **verified** environmental rating?\n\n- in large tenders\n- in small purchases, where https://example.org/a-very-long-address-that-has-to-wrap-somewhere-on-a-narrow-phone-screen explains the rules",
    );
  await page.getByLabel("Дата закрытия").fill(inDays(-2));
  await page.getByRole("button", { name: "Открыть консультацию" }).click();
  await expect(page.getByText("Дата закрытия должна быть позже сегодняшней.")).toBeVisible();
  await expect(page.getByLabel("Заголовок")).toHaveValue(title);
  // The message goes as soon as the date is corrected (before the field loses focus), and one click
  // then opens the consultation.
  await page.getByLabel("Дата закрытия").fill(inDays(20));
  await expect(page.getByText("Дата закрытия должна быть позже сегодняшней.")).toHaveCount(0);
  await page.getByRole("button", { name: "Открыть консультацию" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Консультация открыта.")).toBeVisible();
  const header = page.getByRole("region", { name: /Общественная консультация/ });
  await expect(header.getByText("Открыта", { exact: true })).toBeVisible();
  await expect(header.getByText(/Страна: Казахстан/)).toBeVisible();
  // The question is Markdown, rendered as posts are: no asterisks or hyphens left over.
  const question = page.locator(".consultation-question");
  await expect(question.locator("strong")).toHaveText("verified");
  await expect(question.getByRole("listitem")).toHaveText([/in large tenders/, /in small purchases/]);
  await expect(question).not.toContainText("**");
  await expectAccessible(page);

  // In the thread too, the question keeps its paragraphs and list, and wraps on a 375 px screen.
  const consultationUrl = page.url();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("link", { name: "Ответить в обсуждении" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadQuestion = page.getByRole("region", { name: "Общественная консультация" }).locator(".consultation-question");
  await expect(threadQuestion.getByRole("listitem")).toHaveCount(2);
  await expect(threadQuestion.locator("strong")).toHaveText("verified");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const box = await threadQuestion.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Once the page's scripts have run: the confirmation is a dialog only with JavaScript.
  await page.goto(consultationUrl, { waitUntil: "networkidle" });

  // Closing early asks first: keeping it open changes nothing; confirming closes it.
  await page.getByRole("button", { name: "Закрыть консультацию сейчас" }).click();
  const confirm = page.getByRole("dialog", { name: "Закрыть консультацию раньше срока?" });
  await expect(confirm).toBeVisible();
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Оставить открытой" }).click();
  await expect(confirm).toBeHidden();
  await expect(header.getByText("Открыта", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Закрыть консультацию сейчас" }).click();
  await confirm.getByRole("button", { name: "Закрыть сейчас" }).click();
  await expect(page.getByText("Консультация закрыта: новые ответы не принимаются.")).toBeVisible();
  await expect(header.getByText("Закрыта", { exact: true })).toBeVisible();
  const summary = "Most replies supported a preference for verified suppliers, phased in over two years.";
  await page.getByLabel("Итоги: что было сказано").fill(summary);
  await page.getByRole("button", { name: "Опубликовать итоги" }).click();
  await expect(page.getByText("Итоги опубликованы, подписчики получили уведомление.")).toBeVisible();
  await expect(header.getByRole("heading", { name: "Итоги консультации" })).toBeVisible();
  await expect(header.getByText(summary)).toBeVisible();
  // The summary comes before the question.
  const order = await page.locator("h2, h3").allTextContents();
  expect(order.indexOf("Итоги консультации")).toBeLessThan(order.indexOf("Вопрос"));

  const consultationPath = new URL(page.url()).pathname;

  await page.goto("/forum/consultations?country=KZ");
  const closedList = page.getByRole("listitem").filter({ hasText: title });
  await expect(closedList.getByText(/итоги опубликованы/)).toBeVisible();
  await expect(page.getByRole("link", { name: OPEN })).toBeVisible();

  // An admin, who is not the ministry, may correct the summary; it is then shown as theirs.
  await page.context().clearCookies();
  await logIn(page, "admin@demo.ortaq.org");
  await page.goto(consultationPath);
  const corrected = `${summary} Corrected by the platform's administrator.`;
  await page.getByLabel("Correct the summary").fill(corrected);
  await page.getByRole("button", { name: "Publish the summary" }).click();
  await expect(page.getByText("The summary is published and subscribers were notified.")).toBeVisible();
  const adminHeader = page.getByRole("region", { name: /Public consultation/ });
  await expect(adminHeader.getByText(corrected)).toBeVisible();
  await expect(adminHeader.getByText(/Published by Ortaq Administrator/)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("moderators hide and restore a post, lock and move a thread, and suspend and lift; errors show next to the field", async ({
    page,
  }) => {
    // Long journeys through several pages and accounts.
    test.slow();
    await logIn(page, "moderator@demo.ortaq.org");
    await page.goto("/forum/consultations");
    await page.getByRole("link", { name: OPEN }).click();
    await page.getByRole("link", { name: "Moderate post #2" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Post #2/ })).toBeVisible();

    await page.getByLabel("Reason (kept in the moderation log)").fill("   ");
    await page.getByRole("button", { name: "Hide the post" }).click();
    await expect(page.getByText("Please fill this in.")).toBeVisible();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Checking the hiding form");
    await page.getByRole("button", { name: "Hide the post" }).click();
    await expect(page.getByText("The post is hidden and its author has been told why.")).toBeVisible();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Restoring after the check");
    await page.getByRole("button", { name: "Restore the post" }).click();
    await expect(page.getByText("The post is visible again.")).toBeVisible();

    await page.getByRole("link", { name: "Moderate the thread" }).click();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Cooling down");
    await page.getByRole("button", { name: "Lock the thread" }).click();
    await expect(page.getByText("The thread is locked: nobody can reply.")).toBeVisible();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Calm again");
    await page.getByRole("button", { name: "Unlock the thread" }).click();
    await expect(page.getByText("The thread is open for replies again.")).toBeVisible();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Trying the move");
    await page.getByLabel("Move to category").selectOption({ label: "Kazakhstan" });
    await page.getByRole("button", { name: "Move the thread" }).click();
    await expect(page.getByText("The thread is already in this category.")).toBeVisible();
    await expect(page.getByLabel("Reason (kept in the moderation log)")).toHaveValue("Trying the move");
    await page.getByLabel("Move to category").selectOption({ label: "Regulation and policy" });
    await page.getByRole("button", { name: "Move the thread" }).click();
    await expect(page.getByText("The thread was moved.")).toBeVisible();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Back to its country");
    await page.getByLabel("Move to category").selectOption({ label: "Kazakhstan" });
    await page.getByRole("button", { name: "Move the thread" }).click();
    await expect(page.getByText("The thread was moved.")).toBeVisible();

    await page.goto("/forum/consultations");
    await page.getByRole("link", { name: CLOSED }).click();
    await page.getByRole("link", { name: "Moderate post #4" }).click();
    await page.getByRole("link", { name: "Moderate Demo owner (KG)" }).click();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Advertising");
    await page.getByLabel("Number of days").fill("3");
    await page.getByRole("button", { name: "Suspend" }).click();
    await expect(page.getByText("The person is suspended.")).toBeVisible();
    await expect(page.getByText(/Suspended until .*: Advertising/)).toBeVisible();
    await page.getByLabel("Reason (kept in the moderation log)").fill("Lifted after the check");
    await page.getByRole("button", { name: "Lift the suspension" }).click();
    await expect(page.getByText("The suspension was lifted.")).toBeVisible();

    await page.goto("/forum/moderation/log");
    for (const reason of ["Checking the hiding form", "Cooling down", "Back to its country", "Lifted after the check"]) {
      await expect(page.getByRole("cell", { name: reason })).toBeVisible();
    }
  });

  test("a person flags a post and a ministry opens, closes and summarises a consultation", async ({ page }) => {
    // Long journeys through several pages and accounts.
    test.slow();
    await logIn(page, "verifier@demo.ortaq.org");
    await page.goto("/forum/consultations");
    await page.getByRole("link", { name: CLOSED }).click();
    await page.getByRole("link", { name: "Flag post #2" }).click();
    await page.getByLabel("What is wrong with it?").selectOption("off_topic");
    await page.getByRole("button", { name: "Send the flag" }).click();
    await expect(page.getByText("Thank you. The moderators will look at the post.")).toBeVisible();
    await logOut(page);

    const title = `Youth employment quotas ${Date.now()}`;
    await logIn(page, "ministry@demo.ortaq.org");
    await page.goto("/forum/consultations/new");
    await page.getByLabel("Заголовок").fill(title);
    await page.getByLabel("Вопрос").fill("Would a quota for young employees help or hurt small enterprises?");
    await page.getByLabel("Дата закрытия").fill(inDays(0));
    await page.getByRole("button", { name: "Открыть консультацию" }).click();
    await expect(page.getByText("Дата закрытия должна быть позже сегодняшней.")).toBeVisible();
    await expect(page.getByLabel("Вопрос")).toHaveValue("Would a quota for young employees help or hurt small enterprises?");
    await page.getByLabel("Дата закрытия").fill(inDays(10));
    await page.getByRole("button", { name: "Открыть консультацию" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    // Without JavaScript, closing early needs the box ticked.
    await page.getByRole("button", { name: "Закрыть консультацию сейчас" }).click();
    await expect(page.getByText("Отметьте флажок, чтобы подтвердить закрытие консультации сейчас.")).toBeVisible();
    await expect(page.getByRole("region", { name: /Общественная консультация/ }).getByText("Открыта", { exact: true })).toBeVisible();
    await page.getByLabel(/Да, закрыть сейчас/).check();
    await page.getByRole("button", { name: "Закрыть консультацию сейчас" }).click();
    await expect(page.getByText("Консультация закрыта: новые ответы не принимаются.")).toBeVisible();
    await page.getByLabel("Итоги: что было сказано").fill("short");
    await page.getByRole("button", { name: "Опубликовать итоги" }).click();
    await expect(page.getByText("Итоги должны быть не короче 10 символов.")).toBeVisible();
    await page.getByLabel("Итоги: что было сказано").fill("Replies favoured **incentives** over quotas.");
    await page.getByRole("button", { name: "Опубликовать итоги" }).click();
    await expect(page.getByText("Итоги опубликованы, подписчики получили уведомление.")).toBeVisible();
    const summary = page.getByRole("region", { name: /Общественная консультация/ }).locator(".consultation-summary");
    await expect(summary.getByText("Replies favoured incentives over quotas.")).toBeVisible();
    await expect(summary.locator("strong")).toHaveText("incentives");
  });
});
