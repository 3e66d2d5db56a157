import { expect, test } from "@playwright/test";

// Requests as an attacker or a careless client sends them, against the real server: every answer is a
// clear 4xx, never a 500, and nothing changes.

const DEMO_PASSWORD = "ortaq-demo-2026";

test("a POST from another site to /logout or /language is refused with 403 and changes nothing", async ({ page, baseURL }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("funder@demo.ortaq.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  const evil = { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" };
  const logout = await page.request.post("/logout", { headers: evil, data: "", maxRedirects: 0 });
  expect(logout.status()).toBe(403);
  const language = await page.request.post("/language", { headers: evil, data: "language=ru&redirectTo=/dashboard", maxRedirects: 0 });
  expect(language.status()).toBe(403);
  expect(language.headers()["set-cookie"]).toBeUndefined();
  // A page of another site that sends no Origin still names itself in the Referer.
  const referred = await page.request.post("/logout", {
    headers: { Referer: "https://evil.example/page", "Content-Type": "application/x-www-form-urlencoded" },
    data: "",
    maxRedirects: 0,
  });
  expect(referred.status()).toBe(403);

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The site's own form still logs out.
  const own = await page.request.post("/logout", {
    headers: { Origin: new URL(baseURL!).origin, "Content-Type": "application/x-www-form-urlencoded" },
    data: "",
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
});

test("a page route's form posted from another site is a 403, not Remix's 500", async ({ request }) => {
  const response = await request.post("/login", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: "email=a%40example.org&password=whatever",
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("a form sent as JSON gets 415 and a broken multipart body 400", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const json = await request.post("/login", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: JSON.stringify({ email: "a@example.org" }),
  });
  expect(json.status()).toBe(415);
  const broken = await request.post("/language", {
    headers: { Origin: origin, "Content-Type": "multipart/form-data; boundary=xyz" },
    data: '--xyz\r\nContent-Disposition: form-data; name="language"\r\n\r\nru\r\n--not-the-end',
  });
  expect(broken.status()).toBe(400);
});

test("a methodology version named __proto__, constructor or toString is a 404 page", async ({ page }) => {
  for (const version of ["__proto__", "constructor", "toString"]) {
    const response = await page.goto(`/methodology/${version}`);
    expect(response?.status(), version).toBe(404);
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("repeated wrong passwords get a wait with Retry-After, and the form says how long", async ({ page, request, baseURL }) => {
  const email = `guessed-${Date.now()}@e2e.ortaq.org`;
  const origin = new URL(baseURL!).origin;
  let limited = null;
  for (let attempt = 0; attempt < 15 && !limited; attempt++) {
    const response = await request.post("/login", {
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      form: { email, password: "not the password" },
      maxRedirects: 0,
    });
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(400);
  }
  expect(limited, "a 429 after the free attempts").not.toBeNull();
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);

  // In the browser: each wrong password waits twice as long as the one before, so a next attempt soon lands inside a wait.
  const typed = `typed-${email}`;
  await page.goto("/login");
  let answer = null;
  for (let attempt = 0; attempt < 15 && answer?.status() !== 429; attempt++) {
    await page.getByLabel("Email").fill(typed);
    await page.getByLabel("Password").fill("not the password either");
    [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/login")),
      page.getByRole("button", { name: "Log in" }).click(),
    ]);
  }
  expect(answer?.status()).toBe(429);
  expect(Number(answer!.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByRole("alert")).toContainText(/Too many failed attempts\. Please try again in \d+ (second|minute)s?\./);
});

test("sign-up refuses a common password next to the password field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(`common-${Date.now()}@e2e.ortaq.org`);
  await page.getByLabel("Password").fill("qwerty123456");
  await page.getByLabel("Display name").fill("Common Password");
  await page.getByLabel("I come to Ortaq as").selectOption("entrepreneur");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This password is among the most common ones or is easy to guess.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});
