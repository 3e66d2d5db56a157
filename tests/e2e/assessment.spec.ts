import { answerShownQuestions, expect, expectAccessible, test } from "./fixtures";
import { publishedEnterpriseByForm, signUpByForm } from "./starting-state";

test("a newcomer takes an assessment over two visits, fixes an error, submits, reads the results and publishes the rating", async ({
  page,
}) => {
  // A newcomer with a published enterprise (see starting-state.ts).
  await signUpByForm(page, { name: "Madina" });
  const name = `Bakery ${Date.now()}`;
  const profile = await publishedEnterpriseByForm(page, name);
  await page.goto(profile);
  await page.getByRole("link", { name: "Self-assessments" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Start a new assessment/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Social impact" })).toBeVisible();
  await expectAccessible(page);

  // How many of the beneficiaries are women, have a disability or come from vulnerable groups is
  // asked once someone benefited, and cannot be more than the total.
  const women = page.getByRole("group", { name: "How many of them are women and girls?" });
  await expect(women).toHaveCount(0);
  await answerShownQuestions(page);
  await expect(women.getByRole("textbox")).toHaveValue("3");
  await expect(page.getByRole("group", { name: /belong to the vulnerable groups/ }).getByRole("textbox")).toHaveValue("3");
  await women.getByRole("textbox").fill("5");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(women.getByText("The number of people who benefited cannot be less than")).toBeVisible();
  await expectAccessible(page);
  await women.getByRole("textbox").fill("2");
  await page.getByRole("button", { name: "Save and go to the next section" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Economic sustainability" })).toBeVisible();

  // Staff questions appear only once there are employees.
  const employees = page.getByRole("group", { name: "How many paid employees does the enterprise have?" }).getByRole("textbox");
  await expect(page.getByRole("group", { name: /written employment contracts/ })).toHaveCount(0);
  await employees.fill("4");
  await expect(page.getByRole("group", { name: /written employment contracts/ })).toBeVisible();
  await answerShownQuestions(page, "4");
  await page
    .getByRole("group", { name: /share of income comes from selling/ })
    .getByRole("textbox")
    .fill("lots");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Enter a number, such as 12 or 12.5.")).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("group", { name: /share of income comes from selling/ })
    .getByRole("textbox")
    .fill("80");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Your answers were saved.")).toBeVisible();

  // A background save, then a reload: every answer is still there.
  await page
    .getByRole("group", { name: /share of income comes from grants/ })
    .getByRole("textbox")
    .fill("10");
  await expect(page.getByText("All changes saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: /share of income comes from selling/ }).getByRole("textbox")).toHaveValue("80");
  await expect(page.getByRole("group", { name: /share of income comes from grants/ }).getByRole("textbox")).toHaveValue("10");
  await expect(employees).toHaveValue("4");

  // Second visit: the dashboard offers the assessment in progress.
  await page.goto("/dashboard");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name }) });
  await expect(card).toContainText("No assessment yet");
  await card.getByRole("link", { name: "Continue the assessment in progress" }).click();
  await page.getByRole("link", { name: "Economic sustainability" }).click();
  await expect(page.getByRole("group", { name: /share of income comes from grants/ }).getByRole("textbox")).toHaveValue("10");
  await page.getByRole("button", { name: "Save and go to the next section" }).click();
  for (const section of ["Governance and transparency", "Inclusion", "Ecosystem and partnership", "Environment and climate"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    await answerShownQuestions(page, "60");
    const next = page.getByRole("button", { name: "Save and go to the next section" });
    if (await next.count()) await next.click();
    else await page.getByRole("button", { name: "Save and review" }).click();
  }
  await expect(page.getByRole("heading", { name: "Submit the assessment" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("I confirm that the answers are true").check();
  await page.getByRole("button", { name: "Submit and see the results" }).click();

  await expect(page.getByText("The assessment was submitted and scored.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Improvement plan" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Percentiles by peer group" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Score of each dimension, from 0 to 100" }).getByRole("row")).toHaveCount(7);
  await expect(page.locator("canvas")).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publish this rating" }).click();
  await expect(page.getByText("The rating is published.")).toBeVisible();
  const score = await page.locator(".rating-summary .score-big").innerText();

  // The dashboard shows the rating, and the way to the assessments now that none is in progress.
  await page.goto("/dashboard");
  await expect(card).toContainText(`${score} / 100`);
  await expect(card).toContainText("Self-assessed");
  await expect(card.getByRole("link", { name: "Continue the assessment in progress" })).toHaveCount(0);
  await expectAccessible(page);
  await card.getByRole("link", { name: "Self-assessments" }).click();
  await expect(page.getByRole("table", { name: "Every submitted assessment" }).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);

  await page.context().clearCookies();
  await page.goto(profile);
  await expect(page.getByRole("heading", { name: "Rating", exact: true })).toBeVisible();
  await expect(page.getByText("Self-assessed").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Score of each dimension, from 0 to 100" })).toBeVisible();
  await expectAccessible(page);
});
