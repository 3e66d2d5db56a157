import { expect, expectAccessible, logIn, logOut, test } from "./fixtures";
import { publishedEnterpriseByForm, publishedRatingByForm, signUpByForm } from "./starting-state";

const PDF = Buffer.concat([
  Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"),
  Buffer.alloc(3000, 0x20),
  Buffer.from("\n%%EOF\n"),
]);
const EXECUTABLE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58, 0), Buffer.from("PE\u0000\u0000"), Buffer.alloc(2000, 0x90)]);
const REGISTERED = "Is the enterprise legally registered?";

test("an owner requests verification with a PDF and a link, a verifier hands it back and takes it again, changes one answer and completes, finds it among their completed reviews, and the verified rating shows everywhere", async ({
  page,
  browser,
}) => {
  // An owner with a published enterprise and a published self-assessment (see starting-state.ts).
  const name = `Verified Honey ${Date.now()}`;
  const { email, password } = await signUpByForm(page, { name: "Saule" });
  const profile = await publishedEnterpriseByForm(page, name);
  await page.goto(await publishedRatingByForm(page, profile));
  await expect(page.getByRole("heading", { name: "Improvement plan" })).toBeVisible();

  // The owner opens the verification page from the results and asks for verification.
  await page.getByRole("link", { name: "Evidence and verification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Verification of ${name}'s assessment` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Request verification" }).click();
  await expect(page.getByText("Verification requested. Add evidence")).toBeVisible();
  const verificationPath = new URL(page.url()).pathname;

  // A renamed executable and an oversize file are refused with a message; a PDF and a link are added.
  await page.getByLabel("Answer it supports").first().selectOption({ label: REGISTERED });
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "annual-report.pdf", mimeType: "application/pdf", buffer: EXECUTABLE });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.getByText("This type of file is not accepted")).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([PDF, Buffer.alloc(1_200_000, 0x20)]) });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.getByText("The file is larger than 1 MB. Nothing was saved.")).toBeVisible();
  await expect(page.getByLabel("Answer it supports").first()).toHaveValue("gt_registered");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "registration-certificate.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload the file" }).click();
  await expect(page.getByText("File added.")).toBeVisible();
  const fileLink = page.getByRole("link", { name: "registration-certificate.pdf" });
  await expect(fileLink).toBeVisible();
  const evidenceHref = (await fileLink.getAttribute("href"))!;
  await page.getByLabel("Answer it supports").nth(1).selectOption({ label: REGISTERED });
  await page.getByLabel("Address (https://…)").fill("not a link");
  await page.getByRole("button", { name: "Add the link" }).click();
  expect(await page.getByLabel("Address (https://…)").evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
  await page.getByLabel("Address (https://…)").fill("https://stat.gov.kz/registry/123");
  await page.getByRole("button", { name: "Add the link" }).click();
  await expect(page.getByText("Link added.")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://stat.gov.kz/registry/123" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Every step of the verification/ })).toContainText("Requested verification");
  await expectAccessible(page);

  // The owner can download the file; anyone else gets nothing.
  const own = await page.request.get(evidenceHref);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["content-type"]).toBe("application/pdf");
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const anonymous = await strangerPage.request.get(evidenceHref, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  await logIn(strangerPage, "funder@demo.ortaq.org");
  expect((await strangerPage.request.get(evidenceHref)).status()).toBe(404);
  await stranger.close();

  // The verifier takes it from the queue, filtered by country.
  await logOut(page);
  await logIn(page, "verifier@demo.ortaq.org");
  // The dashboard says how many wait (the demo's own request and this one at least), and leads to them.
  const waiting = page.getByText(/^Waiting: \d+ · In review: \d+$/);
  expect(Number((await waiting.innerText()).match(/^Waiting: (\d+)/)![1])).toBeGreaterThanOrEqual(2);
  await page.getByRole("heading", { level: 2, name: "Verification queue" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Verification queue" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Country").selectOption("KZ");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/country=KZ/);
  await page.getByRole("button", { name: `Take ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: ${name}` })).toBeVisible();
  await expectAccessible(page);

  // The verifier hands it back (after confirming), and it waits in the queue again; then takes it once more.
  await page.getByRole("button", { name: `Accept the answer to: ${REGISTERED}` }).click();
  await expect(page.getByText("Answer accepted.")).toBeVisible();
  await expect(page.getByText(/^1 of \d+ answers reviewed\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Hand back" }).click();
  await expect(page.getByText("Tick the box to confirm that the decisions made so far are discarded.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Discard the decisions made so far and return the assessment to the queue").check();
  await page.getByRole("button", { name: "Hand back" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verification queue" })).toBeVisible();
  await expect(page.getByText("The assessment is back in the queue, where any verifier can take it.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Take ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: ${name}` })).toBeVisible();
  await expect(page.getByText(/^0 of \d+ answers reviewed\.$/)).toBeVisible();
  await expect(page.getByRole("table", { name: /Every step of the verification/ })).toContainText(
    "Handed the assessment back to the queue",
  );

  const question = page.locator("#review-gt_registered");
  await expect(question.getByRole("link", { name: "registration-certificate.pdf" })).toBeVisible();
  await expect(question.getByRole("link", { name: "https://stat.gov.kz/registry/123" })).toBeVisible();
  expect((await page.request.get(evidenceHref)).status()).toBe(200);
  await question.getByText("Change this answer").click();
  await question.getByRole("button", { name: "Save the change" }).click();
  await expect(question.getByText("This is the enterprise's own answer: accept it instead.")).toBeVisible();
  await expect(question.getByText("Write why the answer is changed.")).toBeVisible();
  await question.getByLabel("No", { exact: true }).check();
  await question.getByLabel("Reason").fill("The certificate is for another enterprise; no registration found in the state registry.");
  await question.getByRole("button", { name: "Save the change" }).click();
  await expect(page.getByText("Answer changed.")).toBeVisible();
  await expect(page.locator("#review-gt_registered")).toContainText("Changed to No.");
  await page.getByRole("button", { name: "Complete the review" }).click();
  await expect(page.getByText("Some answers are not reviewed yet")).toBeVisible();
  await page.getByLabel("I have reviewed the answers not yet marked").check();
  await page.getByRole("button", { name: "Accept the remaining answers" }).click();
  await expect(page.getByText("The remaining answers were accepted.")).toBeVisible();
  await page.getByLabel("New message").fill("Please keep the registry extract on file for the next assessment.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Please keep the registry extract on file")).toBeVisible();
  await page.getByRole("button", { name: "Complete the review" }).click();
  await expect(page.getByText("Review completed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Hand back" })).toHaveCount(0);
  await expectAccessible(page);

  // The queue lists the verifier's completed reviews, newest first, each opening its review.
  await page.getByRole("link", { name: "Back to the queue" }).click();
  const completedReviews = page.getByRole("table", { name: "Completed reviews, newest first" });
  await expect(page.getByRole("heading", { level: 2, name: "Your completed reviews" })).toBeVisible();
  await expectAccessible(page);
  await completedReviews.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: ${name}` })).toBeVisible();
  await expect(page.getByText(/^Completed on .*: verified score/)).toBeVisible();

  // The enterprise sees the verified score, the difference per dimension and the reason.
  await logOut(page);
  await logIn(page, email, password);
  await page.goto(verificationPath);
  await expect(page.getByText(/Verified on .* by Central Asian Impact Audit/)).toBeVisible();
  const difference = page.getByRole("table", { name: "Self-assessed and verified scores by dimension, and the difference" });
  await expect(difference).toBeVisible();
  await expect(difference.getByRole("row", { name: /Governance and transparency/ })).toContainText(/-\d/);
  await expect(page.getByRole("table", { name: "Each changed answer with the verifier's reason" })).toContainText(
    "no registration found in the state registry",
  );
  await expect(page.getByRole("table", { name: /Every step of the verification/ })).toContainText("Completed the review");
  await expectAccessible(page);

  // The public page and the directory show the verified label and filter on it.
  await page.goto(profile);
  // The organisation's name is isolated from the sentence (U+2068 … U+2069), as names typed by people are.
  await expect(page.getByText(/Verified\s*\(on .* by \u2068Central Asian Impact Audit\u2069\)/).first()).toBeVisible();
  await page.goto(`/ratings?q=${encodeURIComponent(name)}`);
  await page.getByLabel("Trust").selectOption("verified");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/trust=verified/);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Verified");
  await expect(row).toContainText("Central Asian Impact Audit");
  await page.getByLabel("Trust").selectOption("self_assessed");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/trust=self_assessed/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  await page.goto("/ratings?trust=expired");
  await expect(page.getByRole("cell", { name: /Expired/ }).first()).toBeVisible();
});

test("a verifier sets their organisation in their settings; an empty one is refused with a message", async ({ page }) => {
  await logIn(page, "verifier@demo.ortaq.org");
  await page.goto("/settings/organisation");
  await expect(page.getByLabel("Organisation")).toHaveValue("Central Asian Impact Audit");
  await expectAccessible(page);
  await page.getByLabel("Organisation").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter the organisation's name.")).toBeVisible();
  await expect(page.getByLabel("Organisation")).toHaveValue("");
  await page.getByLabel("Organisation").fill("Central Asian Impact Audit");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Organisation saved.");
});
