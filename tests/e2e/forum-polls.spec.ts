import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, logIn, test } from "./fixtures";

// A ministry (the demo ministry reads Russian) opens a consultation with a poll; three people (who read
// English) vote and one changes their vote; the results count them; closing the consultation closes the
// poll; the published summary shows its results. Once with JavaScript, once without.

function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const OPTIONS = ["Grants", "Cheaper loans", "Public procurement"];

async function openConsultationWithPoll(page: Page, title: string, { checkAccessibility }: { checkAccessibility: boolean }) {
  await logIn(page, "ministry@demo.ortaq.org");
  await page.goto("/forum/consultations/new");
  await page.getByLabel("Заголовок").fill(title);
  await page.getByLabel("Вопрос", { exact: true }).fill("Which support programme should the ministry start first, and why?");
  await page.getByLabel("Дата закрытия", { exact: true }).fill(inDays(20));
  await page.getByLabel("Формулировка опроса").fill("Which programme first?");
  await page.getByLabel("Варианты, по одному в строке").fill(OPTIONS.join("\n"));
  if (checkAccessibility) await expectAccessible(page);
  await page.getByRole("button", { name: "Открыть консультацию" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("group", { name: "Which programme first?" }).getByRole("radio")).toHaveCount(3);
  const url = page.url();
  if (checkAccessibility) {
    await expectAccessible(page);
    // Until the first vote the ministry may still change the poll.
    await page.getByRole("link", { name: "Изменить опрос" }).click();
    await expect(page.getByLabel("Варианты, по одному в строке")).toHaveValue(OPTIONS.join("\n"));
    await expectAccessible(page);
    await page.goto(url);
  }
  return url;
}

/** A person's own browser, signed in, on the consultation page. */
async function visitorAs(browser: Browser, email: string, url: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await logIn(page, email);
  await page.goto(url);
  return { page, close: () => context.close() };
}

async function vote(page: Page, option: string, notice: string) {
  await page.getByRole("radio", { name: option }).check();
  await page.getByRole("button", { name: /^(Vote|Change my vote)$/ }).click();
  await expect(page.getByText(notice)).toBeVisible();
  // The option, typed by people, is isolated from the sentence (U+2068 … U+2069).
  await expect(page.getByText(new RegExp(`^Your vote: \u2068${option}\u2069$`))).toBeVisible();
}

async function expectCounts(page: Pick<Page, "getByRole">) {
  const results = page.getByRole("table", { name: "Votes per option (3 voters)" });
  await expect(results.getByRole("row", { name: "Grants 1 33%" })).toBeVisible();
  await expect(results.getByRole("row", { name: "Cheaper loans 2 67%" })).toBeVisible();
  await expect(results.getByRole("row", { name: "Public procurement 0 0%" })).toBeVisible();
}

async function journey(page: Page, browser: Browser, javaScriptEnabled: boolean) {
  const title = `Support programmes ${javaScriptEnabled ? "" : "(no JavaScript) "}${Date.now()}`;
  const url = await openConsultationWithPoll(page, title, { checkAccessibility: javaScriptEnabled });

  const funder = await visitorAs(browser, "funder@demo.ortaq.org", url, javaScriptEnabled);
  if (!javaScriptEnabled) {
    // Nothing chosen: the server answers on the poll's page, next to the options.
    await funder.page.getByRole("button", { name: "Vote" }).click();
    await expect(funder.page.getByText("Choose an option.")).toBeVisible();
    await expect(funder.page.getByRole("heading", { level: 1, name: /^Poll in “.*Support programmes/ })).toBeVisible();
    await funder.page.goto(url);
  }
  await vote(funder.page, "Grants", "Your vote is counted.");
  const verifier = await visitorAs(browser, "verifier@demo.ortaq.org", url, javaScriptEnabled);
  await vote(verifier.page, "Cheaper loans", "Your vote is counted.");
  const moderator = await visitorAs(browser, "moderator@demo.ortaq.org", url, javaScriptEnabled);
  await vote(moderator.page, "Grants", "Your vote is counted.");
  await vote(moderator.page, "Cheaper loans", "Your vote is changed.");
  await expectCounts(moderator.page);
  // Three voters are too few to break the results down by role.
  await expect(moderator.page.getByText(/No role has enough voters to be shown on its own/)).toBeVisible();
  if (javaScriptEnabled) {
    await expect(moderator.page.getByRole("img", { name: /Votes per option as a bar chart/ })).toBeVisible();
    await expectAccessible(moderator.page);
    // The poll's own page, with the moderators' form to close it early.
    await moderator.page.goto(`${url.replace("/forum/consultations/", "/forum/threads/")}/poll`);
    await expect(moderator.page.getByRole("group", { name: "Close the poll early" })).toBeVisible();
    await expectAccessible(moderator.page);
  }
  const csv = await moderator.page.request.get(`${new URL(url).pathname.replace("/forum/consultations/", "/forum/threads/")}/poll.csv`);
  expect(csv.status()).toBe(200);
  expect(
    (await csv.text())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(0, 4),
  ).toEqual(["Option,Votes,Share of voters (%)", "Grants,1,33.3", "Cheaper loans,2,66.7", "Public procurement,0,0"]);

  // The ministry closes the consultation: the poll closes with it.
  await page.reload();
  // Closing early asks first: a dialog with JavaScript, a box to tick without it.
  if (javaScriptEnabled) {
    await page.getByRole("button", { name: "Закрыть консультацию сейчас" }).click();
    await page.getByRole("dialog", { name: "Закрыть консультацию раньше срока?" }).getByRole("button", { name: "Закрыть сейчас" }).click();
  } else {
    await page.getByLabel(/Да, закрыть сейчас/).check();
    await page.getByRole("button", { name: "Закрыть консультацию сейчас" }).click();
  }
  await expect(page.getByText("Консультация закрыта: новые ответы не принимаются.")).toBeVisible();
  await verifier.page.reload();
  await expect(verifier.page.getByText("This poll is closed: its results are final.")).toBeVisible();
  await expect(verifier.page.getByRole("button", { name: "Change my vote" })).toHaveCount(0);
  await expect(verifier.page.getByRole("radio")).toHaveCount(0);

  // The summary cites the poll (the box is ticked for a consultation with a poll): its results are shown with it.
  await expect(page.getByLabel("Показать результаты опроса вместе с итогами")).toBeChecked();
  await page.getByLabel("Итоги: что было сказано").fill("Cheaper loans came first, in the poll and in the replies.");
  await page.getByRole("button", { name: "Опубликовать итоги" }).click();
  await expect(page.getByText("Итоги опубликованы, подписчики получили уведомление.")).toBeVisible();

  await verifier.page.reload();
  const summary = verifier.page.getByRole("region", { name: /Public consultation/ });
  await expect(summary.getByRole("heading", { name: "Summary of the consultation" })).toBeVisible();
  await expect(summary.getByText("Results of the poll (3 voters):")).toBeVisible();
  await expectCounts(summary);
  if (javaScriptEnabled) await expectAccessible(verifier.page);

  for (const person of [funder, verifier, moderator]) await person.close();
}

test("a ministry opens a consultation with a poll; three people vote, one changes their vote; closing the consultation closes the poll; the summary shows its results", async ({
  page,
  browser,
}) => {
  // A journey through four accounts.
  test.slow();
  await journey(page, browser, true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same journey with plain forms: a vote without a choice is answered next to the options", async ({ page, browser }) => {
    // A journey through four accounts.
    test.slow();
    await journey(page, browser, false);
  });
});
