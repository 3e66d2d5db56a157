import { DEMO_PASSWORD, expect, expectAccessible, fillEnterpriseForm, logIn, signUp, test, uniqueEmail } from "./fixtures";
import { aPublishedEnterprise } from "./starting-state";

test("a newcomer signs up, creates an enterprise, fixes a mistake, publishes it, reads it in Russian and logs out", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign up" }).first().click();
  await expectAccessible(page);
  await signUp(page, { email: uniqueEmail("newcomer"), name: "Gulnara" });
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create an enterprise profile" }).click();
  await expectAccessible(page);
  await fillEnterpriseForm(page, { name: "Talgar Farm Shop", foundedYear: "1850" });
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByText("Enter a year between 1900 and this year.")).toBeVisible();
  await expect(page.getByLabel("Name of the enterprise")).toHaveValue("Talgar Farm Shop");
  await expect(page.getByLabel("Year founded")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Year founded").fill("2019");
  await page.getByRole("button", { name: "Create profile" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Talgar Farm Shop" })).toBeVisible();
  await expect(page.getByText("This profile is a draft")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Edit profile" }).click();
  await page.getByLabel("City or town").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Please fill this in.")).toBeVisible();
  await page.getByLabel("City or town").fill("Talgar town");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes were saved.")).toBeVisible();
  await expect(page.getByText("Talgar town")).toBeVisible();

  await page.getByRole("button", { name: "Publish profile" }).click();
  await expect(page.getByText("The profile is published")).toBeVisible();
  const publicUrl = page.url().split("?")[0]!;

  await page.getByLabel("Language", { exact: true }).selectOption("ru");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 2, name: "Миссия" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Редактировать профиль" })).toBeVisible();
  await expect(page.getByText("Гендерное равенство", { exact: false })).toBeVisible();
  const body = await page.locator("body").innerText();
  for (const english of ["Edit profile", "Members", "Mission", "Log out", "Methodology", "Legal form", "Year founded"]) {
    expect(body, `"${english}" should be translated`).not.toContain(english);
  }
  await expectAccessible(page);

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
  await page.goto(publicUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Talgar Farm Shop" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Редактировать профиль" })).toHaveCount(0);
});

test("another user cannot edit someone else's enterprise", async ({ page }) => {
  // A demo enterprise: the demo funder is a member of none.
  const href = await aPublishedEnterprise(page);

  await logIn(page, "funder@demo.ortaq.org", DEMO_PASSWORD);
  const edit = await page.goto(`${href}/edit`);
  expect(edit?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await page.goto(href!);
  await expect(page.getByRole("link", { name: "Edit profile" })).toHaveCount(0);
  const post = await page.request.post(`${href}/edit`, { form: { name: "Hijacked" } });
  expect(post.status()).toBe(403);
  const publish = await page.request.post(href!, { form: { intent: "unpublish" } });
  expect(publish.status()).toBe(403);
});

test("unknown addresses are a 404 page in the user's language", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Language", { exact: true }).selectOption("ru");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  expect((await page.goto("/enterprises/does-not-exist"))?.status()).toBe(404);
});

test("every response carries the security headers and the health check answers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const health = await page.request.get("/healthz");
  expect(health.status()).toBe(200);
});

test("the demo data is loaded: demo logins work and the admin can grant a role", async ({ page }) => {
  await logIn(page, "admin@demo.ortaq.org");
  await page.getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Search users").fill("moderator@demo");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row").filter({ hasText: "moderator@demo.ortaq.org" });
  await row.getByLabel(/Role for/).selectOption("verifier");
  await row.getByRole("button", { name: /Grant the chosen role/ }).click();
  const moderatorRow = page.getByRole("row").filter({ hasText: "moderator@demo.ortaq.org" });
  await expect(moderatorRow.getByRole("listitem").filter({ hasText: "Verifier" })).toBeVisible();
  await moderatorRow.getByRole("button", { name: /Remove the role Verifier/ }).click();
  await expect(moderatorRow.getByRole("listitem").filter({ hasText: "Verifier" })).toHaveCount(0);
  await expect(moderatorRow.getByRole("listitem").filter({ hasText: "Moderator" })).toBeVisible();
});
