import type { Page, Request } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures";
import { publishedEnterpriseByForm, publishedRatingByForm, signUpByForm } from "./starting-state";

const PDF = Buffer.concat([
  Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"),
  Buffer.alloc(3000, 0x20),
  Buffer.from("\n%%EOF\n"),
]);
const EXECUTABLE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58, 0), Buffer.from("PE\u0000\u0000"), Buffer.alloc(2000, 0x90)]);
const REGISTERED = "Is the enterprise legally registered?";

/** Waits until the page's scripts run and watch its forms (a click before that sends the form the browser's way). */
async function scriptsReady(page: Page) {
  await expect(page.locator('[data-form-progress="listening"]')).toBeAttached();
}

/**
 * Holds the POST requests whose path `matches` until `release()`: the page waits for its answer
 * meanwhile. Every such request is counted, so a second one sent while the first waits is seen.
 */
async function holdPosts(page: Page, matches: (path: string) => boolean) {
  const sent: Request[] = [];
  let release!: () => void;
  let released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => matches(url.pathname),
    async (route) => {
      if (route.request().method() === "POST") {
        sent.push(route.request());
        await released;
      }
      await route.continue();
    },
  );
  return {
    sent,
    release: () => release(),
    /** Holds the requests that follow again. */
    hold: () => {
      released = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

test("a form sent by the page shows it is being sent, ignores a second press or Enter, and can be sent again once answered", async ({
  page,
}) => {
  await page.goto("/login", { waitUntil: "networkidle" });
  await scriptsReady(page);
  const posts = await holdPosts(page, (path) => path.startsWith("/login"));
  const button = page.getByRole("button", { name: "Log in" });

  await page.getByLabel("Email").fill("funder@demo.ortaq.org");
  await page.getByLabel("Password").fill("not the password at all");
  // Pressed straight after typing: the form checks its fields when sent, never as one is left.
  await button.click();
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expect(page.locator("[aria-live]").filter({ hasText: "Sending…" })).toHaveCount(1);
  await expect.poll(() => posts.sent.length).toBe(1);
  await button.click({ force: true });
  await page.getByLabel("Password").press("Enter");
  posts.release();

  // The answer (a refusal) arrives: the button is usable again, and only one request went out.
  await expect(page.getByText("The email or the password is not right.")).toBeVisible();
  await expect(button).not.toHaveAttribute("aria-busy");
  await expect(button).not.toHaveAttribute("aria-disabled");
  await expect(page.locator("[aria-live]").filter({ hasText: "Sending…" })).toHaveCount(0);
  expect(posts.sent).toHaveLength(1);

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await button.click();
  await expect(page).toHaveURL(/\/dashboard/);
  expect(posts.sent).toHaveLength(2);
});

test("a form checked in the browser shows every message at the first press, and each goes as its field is put right", async ({ page }) => {
  await page.goto("/signup", { waitUntil: "networkidle" });
  await scriptsReady(page);
  const posts = await holdPosts(page, (path) => path.startsWith("/signup"));
  const button = page.getByRole("main").getByRole("button", { name: "Create account" });
  const email = page.getByLabel("Email");

  // Nothing typed, nothing left: one press shows the messages of every field and nothing is sent.
  await button.click();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(page.locator(".field-errors")).not.toHaveCount(0);
  const shown = await page.locator(".field-errors").count();
  expect(shown).toBeGreaterThan(1);
  await expectAccessible(page);

  // Typing a right address takes its message away at once; the others stay until theirs are right.
  await email.fill("someone.new@example.org");
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field-errors")).toHaveCount(shown - 1);
  expect(posts.sent).toHaveLength(0);
});

test("on the verification page a link is sent once however often it is pressed, and a file shows its upload's progress before it is listed", async ({
  page,
}) => {
  await signUpByForm(page, { name: "Aigerim" });
  const profile = await publishedEnterpriseByForm(page, `Progress Felt ${Date.now()}`);
  const results = await publishedRatingByForm(page, profile);
  await page.goto(results.replace(/\/results$/, "/verification"), { waitUntil: "networkidle" });
  await scriptsReady(page);
  await page.getByRole("button", { name: "Request verification" }).click();
  await expect(page.getByText("Verification requested. Add evidence")).toBeVisible();

  // A link the page's own checks refuse sends nothing, and leaves the button usable.
  const linkButton = page.getByRole("button", { name: "Add the link" });
  await page.getByLabel("Answer it supports").nth(1).selectOption({ label: REGISTERED });
  await page.getByLabel("Address (https://…)").fill("not a link");
  await linkButton.click();
  await expect(linkButton).not.toHaveAttribute("aria-busy");

  const links = await holdPosts(page, (path) => path.endsWith("/verification.data"));
  await page.getByLabel("Address (https://…)").fill("https://stat.gov.kz/registry/77");
  await linkButton.click();
  await expect(linkButton).toHaveAttribute("aria-busy", "true");
  await expect.poll(() => links.sent.length).toBe(1);
  await linkButton.click({ force: true });
  links.release();
  await expect(page.getByText("Link added.")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://stat.gov.kz/registry/77" })).toHaveCount(1);
  await expect(linkButton).not.toHaveAttribute("aria-busy");
  expect(links.sent).toHaveLength(1);

  // The file: a progress bar and a percentage while it is sent, one request, then the file is listed.
  const uploads = await holdPosts(page, (path) => path.endsWith("/verification/upload"));
  const uploadButton = page.getByRole("button", { name: "Upload the file" });
  await page.getByLabel("Answer it supports").first().selectOption({ label: REGISTERED });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "registration.pdf", mimeType: "application/pdf", buffer: PDF });
  await uploadButton.click();
  await expect(page.getByRole("progressbar", { name: /^Uploading: \d+%$/ })).toBeVisible();
  await expect(page.locator(".upload-progress").getByText(/^Uploading: \d+%$/)).toBeVisible();
  await expect(uploadButton).toHaveAttribute("aria-busy", "true");
  await expectAccessible(page);
  await expect.poll(() => uploads.sent.length).toBe(1);
  await uploadButton.click({ force: true });
  uploads.release();
  await expect(page.getByText("File added.")).toBeVisible();
  await expect(page.getByRole("link", { name: "registration.pdf" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(uploadButton).not.toHaveAttribute("aria-busy");
  expect(uploads.sent).toHaveLength(1);
  expect(page.url()).toMatch(/\/verification$/);

  // A refused file shows the server's message under the field, and the form can be sent again.
  uploads.hold();
  await page.getByLabel("Answer it supports").first().selectOption({ label: REGISTERED });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: EXECUTABLE });
  await uploadButton.click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  uploads.release();
  await expect(page.getByText("This type of file is not accepted")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(uploadButton).not.toHaveAttribute("aria-busy");
  await expect(page.getByLabel("Answer it supports").first()).toHaveValue("gt_registered");
  expect(uploads.sent).toHaveLength(2);
  await expectAccessible(page);

  // A form sent the browser's own way (the language switcher reloads the page) is left to the browser.
  await page.getByLabel("Language", { exact: true }).selectOption("ru");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Progress Felt");
});
