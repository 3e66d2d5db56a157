import { expect, fillEnterpriseForm, test, uniqueEmail } from "./fixtures";
import { linkFromOutbox } from "./outbox";

// The same pages are checked with axe in foundation.spec.ts; axe itself needs JavaScript to run.

test.use({ javaScriptEnabled: false });

test("without JavaScript a newcomer signs up, creates, corrects and publishes an enterprise, and logs out", async ({ page }) => {
  const email = uniqueEmail("nojs");
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Display name").fill("Timur");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address such as name@example.org.")).toBeVisible();
  await expect(page.getByText("The password needs at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("Timur");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Timur" })).toBeVisible();

  await page.getByRole("link", { name: "Create an enterprise profile" }).click();
  await fillEnterpriseForm(page, { name: "Steppe Felt Workshop" });
  await page.getByLabel("Region").selectOption("UZ-TK");
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByText("Choose a region of the selected country.")).toBeVisible();
  await expect(page.getByLabel("Name of the enterprise")).toHaveValue("Steppe Felt Workshop");
  await expect(page.getByLabel("Led by a woman")).toBeChecked();
  await page.getByLabel("Region").selectOption("KZ-19");
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Steppe Felt Workshop" })).toBeVisible();

  // Publishing waits for a confirmed address; the link is in the e-mail (the e2e server's outbox folder).
  await expect(page.getByText("Confirm your e-mail address to publish this profile")).toBeVisible();
  const profile = page.url();
  await page.goto(await linkFromOutbox(email, "/confirm-email/"));
  await page.getByRole("button", { name: "Confirm the address" }).click();
  await expect(page.getByText("Your e-mail address is confirmed.")).toBeVisible();
  await page.goto(profile);
  await page.getByRole("button", { name: "Publish profile" }).click();
  await expect(page.getByText("The profile is published")).toBeVisible();

  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Current password").fill("a long enough password");
  await page.getByLabel("New password", { exact: true }).fill("an even longer password");
  await page.getByLabel("Repeat the new password").fill("an even longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByRole("link", { name: "Log in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("The email or the password is not right.")).toBeVisible();
  await page.getByLabel("Password").fill("an even longer password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Timur" })).toBeVisible();
});

test("without JavaScript the language switcher works and is remembered", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Language", { exact: true }).selectOption("ru");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { name: "Вход" })).toBeVisible();
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Создайте учётную запись" })).toBeVisible();
});

test("the browser's Accept-Language picks Russian when no language was chosen", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await context.close();
});
