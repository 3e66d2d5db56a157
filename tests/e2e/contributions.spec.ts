import Stripe from "stripe";
import { E2E_WEBHOOK_SECRET } from "../../playwright.config";
import { expect, expectAccessible, logIn, test } from "./fixtures";
import { aPublishedEnterprise } from "./starting-state";

const STANDIN = `http://127.0.0.1:${process.env.E2E_STRIPE_PORT ?? 12111}`;

test("a funder contributes through Checkout; the signed webhook confirms it once, even when sent twice", async ({ page, browser }) => {
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await logIn(ownerPage, "entrepreneur@demo.ortaq.org");
  const href = (await ownerPage.locator(".cards h3 a").nth(1).getAttribute("href"))!;

  await logIn(page, "funder@demo.ortaq.org");
  await page.goto(href);
  await expect(page.getByRole("heading", { name: "Support this enterprise" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Amount").fill("0.10");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByText(/The smallest payment the payment service accepts in this currency is /)).toBeVisible();
  await page.getByLabel("Amount").fill("42.50");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(new RegExp(`^${STANDIN}/checkout/cs_test_`));
  await expect(page.getByRole("heading", { name: /Stand-in Checkout/ })).toBeVisible();

  const sessions = (await (await page.request.get(`${STANDIN}/__sessions`)).json()) as Array<{
    id: string;
    amount_total: number;
    currency: string;
    metadata: Record<string, string>;
  }>;
  const session = sessions.at(-1)!;
  expect(session.amount_total).toBe(4250);
  const event = {
    id: `evt_e2e_${Date.now()}`,
    object: "event",
    type: "checkout.session.completed",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: { ...session, object: "checkout.session", payment_status: "paid", status: "complete", payment_intent: `pi_${session.id}` },
    },
  };
  const payload = JSON.stringify(event);
  for (let i = 0; i < 2; i++) {
    const response = await page.request.post("/webhooks/stripe", {
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: E2E_WEBHOOK_SECRET }),
      },
      data: payload,
    });
    expect(response.status()).toBe(200);
  }
  const forged = await page.request.post("/webhooks/stripe", {
    headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=forged" },
    data: payload,
  });
  expect(forged.status()).toBe(400);

  await page.goto(`/contributions/return?session_id=${session.id}`);
  await expect(page.getByText(/Your contribution of €42.50 to .* is confirmed/)).toBeVisible();
  await page.goto("/dashboard");
  const given = page.getByRole("table", { name: "Contributions you made" }).getByRole("row").filter({ hasText: "€42.50" });
  await expect(given).toHaveCount(1);
  await expect(given.getByRole("link", { name: /Receipt for/ })).toHaveAttribute("href", new RegExp(`^${STANDIN}/receipts/`));
  await expectAccessible(page);

  await ownerPage.goto(`${href}/contributions`);
  await expect(
    ownerPage.getByRole("table", { name: "Полученные взносы" }).getByRole("row").filter({ hasText: "Daniyar Fund" }),
  ).toHaveCount(1);
  await ownerContext.close();
});

test("a visitor who is not logged in is asked to log in before contributing", async ({ page }) => {
  await page.goto(await aPublishedEnterprise(page));
  await expect(page.getByRole("link", { name: "Log in to contribute to this enterprise" })).toBeVisible();
  await expect(page.getByLabel("Amount")).toHaveCount(0);
});
