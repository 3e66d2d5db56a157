import { answerShownQuestions, expect, expectAccessible, fillEnterpriseForm, test } from "./fixtures";
import { signUpByForm } from "./starting-state";

// An NGO, a cooperative and a one-person enterprise each take the assessment in a browser: the
// questions that make no sense for their legal form are not there, the ones worded for them read
// their way, and the results say which questions do not apply to them.

const SECTIONS = [
  "Social impact",
  "Economic sustainability",
  "Governance and transparency",
  "Inclusion",
  "Ecosystem and partnership",
  "Environment and climate",
];

const journeys = [
  {
    form: "public_association",
    label: "an NGO (public association)",
    group: "non-profits",
    notAsked: [
      "What share of profit is reinvested in the mission?",
      "What share of income comes from grants and donations?",
      "Do your rules limit how much profit can be paid out to owners?",
      "What share of the surplus stays in the cooperative, serves its mission, or returns to members by their use of it?",
    ],
    worded: ["Do your statutes send what remains to the mission or a similar non-profit if the organisation is dissolved?"],
    resultNotAsked: "What share of income comes from grants and donations?",
  },
  {
    form: "cooperative",
    label: "a cooperative",
    group: "cooperatives",
    notAsked: ["What share of profit is reinvested in the mission?"],
    worded: [
      "What share of the surplus stays in the cooperative, serves its mission, or returns to members by their use of it?",
      "Do your statutes limit the return paid on members' share capital?",
      "Do your statutes keep the cooperative's common reserves for the mission if it closes or changes its form?",
    ],
    resultNotAsked: "What share of profit is reinvested in the mission?",
  },
  {
    form: "sole_proprietor",
    label: "a one-person enterprise (sole proprietor)",
    group: "sole proprietors and farms",
    notAsked: [
      "Is the mission written into the founding documents (charter, statutes)?",
      "Who takes the main decisions?",
      "Do you have a written conflict-of-interest policy?",
      "Do you have a written anti-corruption policy?",
      "How many of the leadership team are women?",
      "Do your rules keep assets for the mission if the enterprise closes or is sold?",
      "Do your rules limit how much profit can be paid out to owners?",
    ],
    worded: ["What share of your profit, beyond a fair income for yourself, is reinvested in the mission?"],
    resultNotAsked: "Who takes the main decisions?",
  },
];

for (const journey of journeys) {
  test(`${journey.label} completes the assessment with no question that makes no sense for it`, async ({ page }) => {
    await signUpByForm(page, { name: "Aigerim" });
    const name = `${journey.form} ${Date.now()}`;
    // Once its scripts have run: the region list then follows the chosen country.
    await page.goto("/enterprises/new", { waitUntil: "networkidle" });
    await fillEnterpriseForm(page, { name });
    await page.getByLabel("Legal form").selectOption(journey.form);
    await page.getByLabel("Region").selectOption("KZ-19");
    await page.getByLabel("Number of employees").fill(journey.form === "sole_proprietor" ? "0" : "7");
    await page.getByRole("button", { name: "Create profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    await page.getByRole("link", { name: "Self-assessments" }).click();
    await page.getByRole("button", { name: /Start a new assessment/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Social impact" })).toBeVisible();
    await expect(page.getByTestId("legal-form-note")).toContainText(`You are asked the questions for ${journey.group}`);
    await expectAccessible(page);

    const seen: string[] = [];
    for (const section of SECTIONS) {
      await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
      for (const text of journey.notAsked) await expect(page.getByRole("group", { name: text, exact: true })).toHaveCount(0);
      for (const text of journey.worded) if ((await page.getByRole("group", { name: text, exact: true }).count()) > 0) seen.push(text);
      // Shares of income stay within 100 % together: 30 % from sales, 30 % from grants where asked.
      await answerShownQuestions(page, journey.form === "sole_proprietor" ? "0" : "30");
      const next = page.getByRole("button", { name: "Save and go to the next section" });
      if (await next.count()) await next.click();
      else await page.getByRole("button", { name: "Save and review" }).click();
    }
    expect(seen.sort()).toEqual([...journey.worded].sort());

    await expect(page.getByRole("heading", { name: "Submit the assessment" })).toBeVisible();
    await page.getByLabel("I confirm that the answers are true").check();
    await page.getByRole("button", { name: "Submit and see the results" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Results of ${name}` })).toBeVisible();

    // The results say which questions do not apply to this legal form, and count them for nothing.
    const row = page.locator(`tr:has(th:text-is("${journey.resultNotAsked}"))`);
    await expect(row).toContainText("Not asked");
    await expect(row).toContainText("Not asked of your legal form");
    await expect(row).toContainText("Not counted");
    await expectAccessible(page);

    // The methodology page says which kinds of organisation each question is asked of.
    await row.getByRole("link", { name: "How it is scored" }).click();
    await expect(page.getByRole("heading", { name: "Questions by legal form" })).toBeVisible();
    await expect(
      page.locator(
        `#q-${journey.form === "sole_proprietor" ? "gt_governing_body" : journey.form === "cooperative" ? "es_profit_reinvested" : "es_grant_share"}`,
      ),
    ).toContainText("Asked only of");
  });
}
