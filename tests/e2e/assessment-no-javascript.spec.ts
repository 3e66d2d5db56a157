import { answerShownQuestions, expect, test } from "./fixtures";
import { publishedEnterpriseByForm, signUpByForm } from "./starting-state";

test.use({ javaScriptEnabled: false });

test("without JavaScript the whole assessment can be taken, corrected, submitted and published", async ({ page }) => {
  // A newcomer with a published enterprise (see starting-state.ts).
  await signUpByForm(page, { name: "Rustam" });
  const profile = await publishedEnterpriseByForm(page, `Felt ${Date.now()}`);
  await page.goto(profile);
  await page.getByRole("link", { name: "Self-assessments" }).click();
  await page.getByRole("button", { name: /Start a new assessment/ }).click();
  for (let round = 0; round < 12; round++) {
    const heading = await page.getByRole("heading", { level: 2 }).first().innerText();
    await answerShownQuestions(page, heading === "Economic sustainability" ? "2" : "40");
    if (heading === "Economic sustainability" && round < 3) {
      // Staff questions appear after the number of employees is saved; a bad option id is refused.
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText("Your answers were saved.")).toBeVisible();
      await expect(page.getByRole("group", { name: /written employment contracts/ })).toBeVisible();
      await answerShownQuestions(page, "2");
      await page
        .getByRole("group", { name: /financial result/ })
        .getByRole("radio")
        .first()
        .evaluate((el: HTMLInputElement) => (el.value = "tampered"));
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText("Choose one of the answers offered.")).toBeVisible();
      await expect(page.getByRole("group", { name: /paid employees/ }).getByRole("textbox")).toHaveValue("2");
      await answerShownQuestions(page, "2");
    }
    const next = page.getByRole("button", { name: "Save and go to the next section" });
    if (await next.count()) {
      await next.click();
      await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText(heading);
      continue;
    }
    await page.getByRole("button", { name: "Save and review" }).click();
    break;
  }
  await expect(page.getByRole("heading", { name: "Submit the assessment" })).toBeVisible();
  // Anything still unanswered is listed with a link back to its question.
  for (let i = 0; i < 3 && (await page.getByText(/still need.? an answer/).count()) > 0; i++) {
    await page.getByRole("main").getByRole("listitem").first().getByRole("link").click();
    await expect(page.locator("fieldset.question").first()).toBeVisible();
    await answerShownQuestions(page, "40");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Your answers were saved.")).toBeVisible();
    await page.getByRole("link", { name: "Review and submit" }).click();
  }
  await page.getByLabel("I confirm that the answers are true").check();
  await page.getByRole("button", { name: "Submit and see the results" }).click();
  await expect(page.getByRole("heading", { name: "Improvement plan" })).toBeVisible();
  await page.getByRole("button", { name: "Publish this rating" }).click();
  await expect(page.getByText("The rating is published.")).toBeVisible();
  await page.goto(profile);
  await expect(page.getByText("Self-assessed").first()).toBeVisible();
});
