import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { publishedEnterpriseByForm, signUpByForm } from "./starting-state";

async function startAssessment(page: Page, name: string) {
  // A newcomer with a published enterprise (see starting-state.ts).
  await signUpByForm(page, { name });
  const profile = await publishedEnterpriseByForm(page, `${name} Crafts ${Date.now()}`);
  await page.goto(profile);
  await page.getByRole("link", { name: "Self-assessments" }).click();
  await page.getByRole("button", { name: /Start a new assessment/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Social impact" })).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole("heading", { level: 2, name });
const share = (page: Page, of: "selling" | "grants") =>
  page.getByRole("group", { name: new RegExp(`share of income comes from ${of}`) }).getByRole("textbox");

test("leaving a section with answers that are not saved asks first, inside the site and when the page is closed", async ({ page }) => {
  await startAssessment(page, "Aziza");
  // Nothing changed yet: a link leads away at once.
  await page.getByRole("link", { name: "Economic sustainability" }).click();
  await expect(section(page, "Economic sustainability")).toBeVisible();

  // An answer no save accepts stays unsaved, however long one waits.
  await share(page, "grants").fill("150");
  await page.getByRole("navigation", { name: "Sections of the questionnaire" }).getByRole("link", { name: "Inclusion" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Economic sustainability")).toBeVisible();
  await expect(share(page, "grants")).toHaveValue("150");

  // Leaving anyway leaves, and the refused answer was not saved.
  await page.getByRole("link", { name: "Back to the assessments" }).click();
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("link", { name: "Continue the assessment in progress" })).toBeVisible();
  await page.getByRole("link", { name: "Continue the assessment in progress" }).click();
  await page.getByRole("link", { name: "Economic sustainability" }).click();
  await expect(share(page, "grants")).toHaveValue("");

  // Once a change is saved, nothing asks.
  await share(page, "grants").fill("10");
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.getByRole("navigation", { name: "Sections of the questionnaire" }).getByRole("link", { name: "Inclusion" }).click();
  await expect(section(page, "Inclusion")).toBeVisible();

  // Closing or reloading the page with an answer not saved: the browser asks. Last, so that nothing
  // else is tried in a page whose closing was refused.
  await page.getByRole("link", { name: "Economic sustainability" }).click();
  await share(page, "grants").fill("150");
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const prompt = await asked;
  expect(prompt.type()).toBe("beforeunload");
  await prompt.dismiss();
  await expect(share(page, "grants")).toHaveValue("150");
});

test("a change not yet saved in the background is not lost to a link either", async ({ page }) => {
  await startAssessment(page, "Timur");
  // Time stands still in the page, so the background save of a change waits until the test lets it run.
  await page.clock.install();
  await page.reload();
  await page.clock.pauseAt(Date.now() + 60_000);
  await page
    .getByRole("group", { name: /How many people benefited/ })
    .getByRole("textbox")
    .fill("120");
  await page.getByRole("link", { name: "Inclusion" }).click();
  await expect(page.getByRole("dialog", { name: "Leave without saving?" })).toBeVisible();
  await page.getByRole("button", { name: "Stay on this page" }).click();
  await page.clock.resume();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.getByRole("link", { name: "Inclusion" }).click();
  await expect(section(page, "Inclusion")).toBeVisible();
});

test("a refused save moves to the summary of what to correct; the messages name the range and the conflict; the counter follows the answers", async ({
  page,
}) => {
  await startAssessment(page, "Dilnoza");
  const counter = page.getByText(/^\d+ of \d+ questions answered\.$/);
  const before = await counter.innerText();
  await page
    .getByRole("group", { name: /How many people benefited/ })
    .getByRole("textbox")
    .fill("40");
  // One more answered, and the follow-up questions it opens are counted too.
  await expect(counter).not.toHaveText(before);
  const [answered, applicable] = (await counter.innerText()).match(/\d+/g)!.map(Number);
  const [answeredBefore, applicableBefore] = before.match(/\d+/g)!.map(Number);
  expect(answered).toBe(answeredBefore! + 1);
  expect(applicable).toBe(applicableBefore! + 3);

  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.getByRole("link", { name: "Economic sustainability" }).click();
  await expect(section(page, "Economic sustainability")).toBeVisible();
  // Saved answers count the same on the next page.
  await expect(counter).toHaveText(`${answered} of ${applicable} questions answered.`);

  await share(page, "selling").fill("80");
  await share(page, "grants").fill("50");
  await page
    .getByRole("group", { name: /paid employees/ })
    .getByRole("textbox")
    .fill("2000000000");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Some answers could not be saved" });
  await expect(summary).toBeFocused();
  await expect(page.getByRole("group", { name: /share of income comes from grants/ })).toContainText(
    "This share and your answer to “What share of income comes from selling goods or services?” add up to more than 100%.",
  );
  await expect(page.getByRole("group", { name: /share of income comes from selling/ })).toContainText("add up to more than 100%");
  await expect(page.getByRole("group", { name: /paid employees/ })).toContainText("Enter a number between 0 and");
  await expectAccessible(page);
});

test("“none of these” and an option untick each other", async ({ page }) => {
  await startAssessment(page, "Farrukh");
  const sdgs = page.getByRole("group", { name: /Sustainable Development Goal/ });
  await sdgs.getByRole("checkbox").first().check();
  await sdgs.getByRole("checkbox", { name: "None of these" }).check();
  await expect(sdgs.getByRole("checkbox").first()).not.toBeChecked();
  await sdgs.getByRole("checkbox").first().check();
  await expect(sdgs.getByRole("checkbox", { name: "None of these" })).not.toBeChecked();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("“none of these” with an option, or shares of income above 100%, are refused with a message and kept as typed", async ({ page }) => {
    await startAssessment(page, "Rustam");
    const sdgs = page.getByRole("group", { name: /Sustainable Development Goal/ });
    await sdgs.getByRole("checkbox").first().check();
    await sdgs.getByRole("checkbox", { name: "None of these" }).check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(sdgs).toContainText("Tick either “None of these” or the answers that apply, not both.");
    await expect(sdgs.getByRole("checkbox").first()).toBeChecked();
    await expect(sdgs.getByRole("checkbox", { name: "None of these" })).toBeChecked();

    await page.getByRole("link", { name: "Economic sustainability" }).click();
    await share(page, "selling").fill("80");
    await share(page, "grants").fill("50");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("group", { name: /share of income comes from grants/ })).toContainText("add up to more than 100%");
    await expect(share(page, "grants")).toHaveValue("50");
  });
});
