import { DEMO_PASSWORD, expect, expectAccessible, logIn, logOut, signUp, test, uniqueEmail } from "./fixtures";
import { linkFromOutbox } from "./outbox";

const NEW_PASSWORD = "violet-tractor-1987-quill";

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a person who forgot their password chooses a new one from the e-mailed link and is logged in", async ({ page }) => {
      const email = uniqueEmail(javaScriptEnabled ? "forgot-js" : "forgot-nojs");
      await signUp(page, { email, name: "Zarina" });
      await logOut(page);

      await page.goto("/login");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      await expect(page.getByRole("status")).toContainText(
        "If an account uses this address, a link to choose a new password is on its way",
      );

      // The e2e server has no SMTP_URL: the message is in its outbox folder.
      await page.goto(await linkFromOutbox(email, "/reset-password/"));
      await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Repeat the new password").fill("not the same password at all");
      await page.getByRole("button", { name: "Save the new password" }).click();
      await expect(page.getByText("The two passwords are not the same.")).toBeVisible();
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Save the new password" }).click();

      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("status")).toContainText("Your password was changed");
      await expect(page.getByRole("heading", { level: 1, name: "Welcome, Zarina" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);

      // The link worked once.
      const reused = await page.request.get((await linkFromOutbox(email, "/reset-password/")).replace(/^https?:\/\/[^/]+/, ""));
      expect(reused.status()).toBe(410);

      // The new password is the one that logs in now.
      await logOut(page);
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText("The email or the password is not right.")).toBeVisible();
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { level: 1, name: "Welcome, Zarina" })).toBeVisible();
    });
  });
}

test("admins read what would have been sent on the e-mail page", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("funder@demo.ortaq.org");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await linkFromOutbox("funder@demo.ortaq.org", "/reset-password/");

  await logIn(page, "admin@demo.ortaq.org", DEMO_PASSWORD);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "E-mail", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-mail" })).toBeVisible();
  await expect(page.getByText("No SMTP_URL is set")).toBeVisible();
  const message = page.getByRole("article").filter({ hasText: "funder@demo.ortaq.org" }).first();
  await expect(message.getByRole("heading", { name: "Choose a new password for Ortaq" })).toBeVisible();
  await expect(message).toContainText("/reset-password/");
  await expectAccessible(page);
});

test("a new account is told to confirm its address before posting, and can have the link sent again", async ({ page }) => {
  const email = uniqueEmail("unconfirmed");
  await signUp(page, { email, name: "Nodira", confirm: false });
  await expect(page.getByText("Your e-mail address is not confirmed yet")).toBeVisible();
  await page.goto("/forum/new");
  await expect(page.getByText("Confirm your e-mail address to post in the forum")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send the confirmation again" }).click();
  await expect(page.getByRole("status")).toContainText("A new confirmation link is on its way");
  await page.goto(await linkFromOutbox(email, "/confirm-email/"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm the address" }).click();
  await expect(page.getByRole("status")).toContainText("Your e-mail address is confirmed");
  await page.goto("/forum/new");
  await expect(page.getByText("Confirm your e-mail address to post in the forum")).toHaveCount(0);
});
