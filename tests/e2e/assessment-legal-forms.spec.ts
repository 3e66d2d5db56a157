import { currentMethodology, legalFormGroupOf } from "../../scoring";
import { expect, expectAccessible, test } from "./fixtures";
import { enterpriseByForm, goodAnswers, savedSectionByForm, signUpByForm, startedAssessmentByForm } from "./starting-state";

// An NGO, a cooperative and a one-person enterprise each go through the assessment in a browser: the
// questions that make no sense for their legal form are not there, the ones worded for them read
// their way, and the results say which questions do not apply to them. Each section's page is read
// in the browser and its answers are saved by posting its form (answering question by question is
// walked in assessment.spec.ts and assessment-no-javascript.spec.ts); the assessment is submitted
// from its page.

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
    const employees = journey.form === "sole_proprietor" ? 0 : 7;
    const profile = await enterpriseByForm(page, name, { legalForm: journey.form, employees: String(employees) });
    const assessment = await startedAssessmentByForm(page, profile);

    const answers = goodAnswers(employees);
    const context = { legalFormGroup: legalFormGroupOf(journey.form)! };
    const seen: string[] = [];
    for (const [revision, dimension] of currentMethodology.dimensions.entries()) {
      await page.goto(`${assessment}?section=${dimension.id}`);
      await expect(page.getByRole("heading", { level: 2, name: SECTIONS[revision] })).toBeVisible();
      if (revision === 0) {
        await expect(page.getByTestId("legal-form-note")).toContainText(`You are asked the questions for ${journey.group}`);
        await expectAccessible(page);
      }
      for (const text of journey.notAsked) await expect(page.getByRole("group", { name: text, exact: true })).toHaveCount(0);
      for (const text of journey.worded) if ((await page.getByRole("group", { name: text, exact: true }).count()) > 0) seen.push(text);
      await savedSectionByForm(page, assessment, { dimension: dimension.id, revision, answers, context });
    }
    expect(seen.sort()).toEqual([...journey.worded].sort());

    await page.goto(`${assessment}/submit`);
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
