import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as received from "~/routes/enterprises.$slug_.contributions";
import * as dashboard from "~/routes/dashboard";
import * as webhook from "~/routes/webhooks.stripe";
import { startContribution } from "~/models/contribution.server";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";
import { checkoutEvent, refundEvent, signed, TEST_WEBHOOK_SECRET } from "../helpers/stripe-events";
import { startStripeStandIn } from "../stand-ins/stripe-api";

let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
const saved = { ...process.env };

beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(async () => {
  await standIn.stop();
  process.env = saved;
  resetEnvCache();
});
beforeEach(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_ortaq";
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = standIn.url;
  delete process.env.STRIPE_CURRENCIES;
  resetEnvCache();
});

let serial = 0;
async function publishedEnterprise() {
  serial += 1;
  const owner = await createTestUser();
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      slug: `money-${serial}-${Date.now()}`,
      status: "published",
      members: { create: { userId: owner.id, role: "owner" } },
    },
    select: { id: true, slug: true, name: true },
  });
  return { owner, enterprise };
}

const contributeForm = (fields: Record<string, string>) => ({
  intent: "contribute",
  attempt: crypto.randomUUID(),
  currency: "USD",
  amount: "25",
  ...fields,
});

async function postWebhook(event: unknown, signature?: string) {
  const body = signed(event);
  const request = new Request("http://localhost/webhooks/stripe", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(signature !== "none" ? { "Stripe-Signature": signature ?? body.signature } : {}) },
    body: body.payload,
  });
  const response = (await webhook.action({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: string } };
}

describe("starting a contribution", () => {
  test("creates a Checkout Session on the server with the amount in minor units, the metadata and an idempotency key", async () => {
    const { enterprise } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const outcome = await run(
      enterprisePage.action,
      formRequest(
        `/enterprises/${enterprise.slug}`,
        contributeForm({ amount: "1 500,50", currency: "KZT", anonymous: "on" }),
        funder.cookie,
      ),
      { slug: enterprise.slug },
    );
    expect(outcome.status).toBe(303);
    const session = standIn.sessions.at(-1)!;
    expect(outcome.location).toBe(`${standIn.url}/checkout/${session.id}`);
    expect(session.params["line_items[0][price_data][unit_amount]"]).toBe("150050");
    expect(session.params["line_items[0][price_data][currency]"]).toBe("kzt");
    expect(session.params["metadata[enterpriseId]"]).toBe(enterprise.id);
    expect(session.params["metadata[userId]"]).toBe(funder.id);
    expect(session.params["metadata[anonymous]"]).toBe("true");
    expect(session.params.mode).toBe("payment");
    expect(session.idempotencyKey).toMatch(/^contribution-/);
    expect(session.authorization).toBe("Bearer sk_test_ortaq");
    expect(await prisma.contribution.count({ where: { enterpriseId: enterprise.id } })).toBe(0);
  });

  test("sending the same form twice opens one session, not two", async () => {
    const { enterprise } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const fields = contributeForm({});
    const first = await run(enterprisePage.action, formRequest(`/enterprises/${enterprise.slug}`, fields, funder.cookie), {
      slug: enterprise.slug,
    });
    const second = await run(enterprisePage.action, formRequest(`/enterprises/${enterprise.slug}`, fields, funder.cookie), {
      slug: enterprise.slug,
    });
    expect(second.location).toBe(first.location);
  });

  test("refuses an amount under Stripe's minimum, over the maximum, a malformed amount and a currency Stripe cannot charge", async () => {
    const { enterprise } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const before = standIn.sessions.length;
    for (const [fields, field, message] of [
      [{ amount: "0.30" }, "amount", "errors.amountTooSmall"],
      [{ amount: "200", currency: "KZT" }, "amount", "errors.amountTooSmall"],
      [{ amount: "100000001" }, "amount", "errors.amountTooLarge"],
      [{ amount: "12.345" }, "amount", "errors.amount"],
      [{ amount: "-4" }, "amount", "errors.amount"],
      [{ currency: "TMT" }, "currency", "errors.chooseOne"],
    ] as const) {
      const outcome = await run(
        enterprisePage.action,
        formRequest(`/enterprises/${enterprise.slug}`, contributeForm(fields), funder.cookie),
        { slug: enterprise.slug },
      );
      expect(outcome.status).toBe(400);
      expect((outcome.data as { error: Record<string, string[]> }).error[field]).toEqual([message]);
    }
    expect(standIn.sessions.length).toBe(before);
  });

  test("an amount above Stripe's eight-digit limit (1,000,000 UZS) is refused next to the amount, and Stripe is never called", async () => {
    process.env.STRIPE_CURRENCIES = "USD,UZS";
    resetEnvCache();
    const { enterprise } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const calls = standIn.requests.length;
    const outcome = await run(
      enterprisePage.action,
      formRequest(`/enterprises/${enterprise.slug}`, contributeForm({ amount: "1 000 000", currency: "UZS" }), funder.cookie),
      { slug: enterprise.slug },
    );
    expect(outcome.status).toBe(400);
    expect((outcome.data as { error: Record<string, string[]> }).error.amount).toEqual(["errors.amountTooLarge"]);
    expect(standIn.requests.length).toBe(calls);
    const largest = await run(
      enterprisePage.action,
      formRequest(`/enterprises/${enterprise.slug}`, contributeForm({ amount: "999 999,99", currency: "UZS" }), funder.cookie),
      { slug: enterprise.slug },
    );
    expect(largest.status).toBe(303);
    expect(standIn.sessions.at(-1)!.params["line_items[0][price_data][unit_amount]"]).toBe("99999999");
  });

  test("the model checks Stripe's limits too, whatever it is given", async () => {
    const { enterprise } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const calls = standIn.requests.length;
    const result = await startContribution({
      user: funder,
      enterprise,
      input: { amount: 100_000_000, currency: "UZS", anonymous: false, attempt: crypto.randomUUID() },
      origin: "http://localhost",
    });
    expect(result).toEqual({ formError: "errors.amountTooLarge", status: 400 });
    expect(standIn.requests.length).toBe(calls);
  });

  test("an anonymous visitor is sent to log in and nothing is created", async () => {
    const { enterprise } = await publishedEnterprise();
    const before = standIn.sessions.length;
    const outcome = await run(enterprisePage.action, formRequest(`/enterprises/${enterprise.slug}`, contributeForm({})), {
      slug: enterprise.slug,
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/login\?redirectTo=/);
    expect(standIn.sessions.length).toBe(before);
  });

  test("without STRIPE_SECRET_KEY the page says contributions are not configured and nothing is charged", async () => {
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvCache();
    const { enterprise } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const page = await run(enterprisePage.loader, getRequest(`/enterprises/${enterprise.slug}`, funder.cookie), { slug: enterprise.slug });
    expect((page.data as { contribute: { configured: boolean } }).contribute.configured).toBe(false);
    const outcome = await run(enterprisePage.action, formRequest(`/enterprises/${enterprise.slug}`, contributeForm({}), funder.cookie), {
      slug: enterprise.slug,
    });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).toContain("contribute.notConfigured");
  });
});

describe("the Stripe webhook", () => {
  test("records a contribution only from a correctly signed event, once even when it is sent again", async () => {
    const { enterprise, owner } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    const event = checkoutEvent("checkout.session.completed", {
      id: `cs_test_once_${serial}`,
      amount_total: 5000,
      currency: "usd",
      metadata: { enterpriseId: enterprise.id, userId: funder.id, anonymous: "false" },
    });
    expect((await postWebhook(event)).body.outcome).toBe("recorded");
    const receiptLookup = `/v1/payment_intents/pi_cs_test_once_${serial}`;
    expect(standIn.requests.filter((r) => r.path === receiptLookup)).toHaveLength(1);
    expect((await postWebhook(event)).body.outcome).toBe("duplicate");
    // The replay is recognised before Stripe is asked for anything.
    expect(standIn.requests.filter((r) => r.path === receiptLookup)).toHaveLength(1);
    const rows = await prisma.contribution.findMany({
      where: { enterpriseId: enterprise.id },
      select: { amount: true, currency: true, status: true, receiptUrl: true },
    });
    expect(rows).toEqual([
      { amount: 5000, currency: "USD", status: "paid", receiptUrl: `${standIn.url}/receipts/pi_cs_test_once_${serial}` },
    ]);

    const ownerView = await run(received.loader, getRequest(`/enterprises/${enterprise.slug}/contributions`, owner.cookie), {
      slug: enterprise.slug,
    });
    const data = ownerView.data as { contributions: { contributor: string | null }[]; totals: { currency: string; amount: number }[] };
    expect(data.totals).toEqual([{ currency: "USD", amount: 5000, count: 1 }]);
    expect(data.contributions[0]!.contributor).toMatch(/^Test User/);
    const funderView = await run(dashboard.loader, getRequest("/dashboard", funder.cookie));
    expect((funderView.data as { contributions: unknown[] }).contributions).toHaveLength(1);
  });

  test("answers 400 to a bad or missing signature and records nothing", async () => {
    const { enterprise } = await publishedEnterprise();
    const event = checkoutEvent("checkout.session.completed", {
      id: `cs_test_forged_${serial}`,
      amount_total: 1,
      currency: "usd",
      metadata: { enterpriseId: enterprise.id },
    });
    const forged = signed(event, "whsec_someone_else").signature;
    expect((await postWebhook(event, forged)).status).toBe(400);
    expect((await postWebhook(event, "none")).status).toBe(400);
    expect((await postWebhook(event, "t=1,v1=deadbeef")).status).toBe(400);
    expect(await prisma.contribution.count({ where: { enterpriseId: enterprise.id } })).toBe(0);
  });

  test("takes the amount from Stripe's event and handles a zero-decimal currency", async () => {
    process.env.STRIPE_CURRENCIES = "USD,JPY";
    resetEnvCache();
    const { enterprise } = await publishedEnterprise();
    const event = checkoutEvent("checkout.session.completed", {
      id: `cs_test_jpy_${serial}`,
      amount_total: 500,
      currency: "jpy",
      metadata: { enterpriseId: enterprise.id },
    });
    await postWebhook(event);
    const row = await prisma.contribution.findFirstOrThrow({
      where: { enterpriseId: enterprise.id },
      select: { amount: true, currency: true },
    });
    expect(row).toEqual({ amount: 500, currency: "JPY" });
    const { formatMoney } = await import("~/utils/money");
    expect(formatMoney(row.amount, row.currency, "en")).toMatch(/¥500$/);
  });

  test("marks a refunded contribution refunded, even when the refund arrives before the payment", async () => {
    const { enterprise, owner } = await publishedEnterprise();
    const inOrder = checkoutEvent("checkout.session.completed", {
      id: `cs_test_ref_${serial}`,
      amount_total: 2500,
      currency: "eur",
      metadata: { enterpriseId: enterprise.id },
    });
    await postWebhook(inOrder);
    await postWebhook(refundEvent(`pi_cs_test_ref_${serial}`, 2500));
    const outOfOrder = checkoutEvent("checkout.session.completed", {
      id: `cs_test_late_${serial}`,
      amount_total: 700,
      currency: "eur",
      metadata: { enterpriseId: enterprise.id },
    });
    await postWebhook(refundEvent(`pi_cs_test_late_${serial}`, 700));
    await postWebhook(outOfOrder);
    const statuses = await prisma.contribution.findMany({
      where: { enterpriseId: enterprise.id },
      select: { status: true },
      orderBy: { amount: "asc" },
    });
    expect(statuses.map((s) => s.status)).toEqual(["refunded", "refunded"]);
    const ownerView = await run(received.loader, getRequest(`/enterprises/${enterprise.slug}/contributions`, owner.cookie), {
      slug: enterprise.slug,
    });
    expect((ownerView.data as { totals: unknown[] }).totals).toEqual([]);
  });

  test("an asynchronous payment is pending until Stripe confirms it, and a late 'completed' never undoes 'paid'", async () => {
    const { enterprise } = await publishedEnterprise();
    const session = { id: `cs_test_async_${serial}`, amount_total: 9900, currency: "usd", metadata: { enterpriseId: enterprise.id } };
    await postWebhook(checkoutEvent("checkout.session.completed", { ...session, payment_status: "unpaid" }));
    expect((await prisma.contribution.findFirstOrThrow({ where: { enterpriseId: enterprise.id }, select: { status: true } })).status).toBe(
      "pending",
    );
    await postWebhook(checkoutEvent("checkout.session.async_payment_succeeded", session));
    await postWebhook(checkoutEvent("checkout.session.completed", { ...session, payment_status: "unpaid" }));
    expect((await prisma.contribution.findFirstOrThrow({ where: { enterpriseId: enterprise.id }, select: { status: true } })).status).toBe(
      "paid",
    );
  });

  test("an anonymous contribution hides the contributor's name from the enterprise", async () => {
    const { enterprise, owner } = await publishedEnterprise();
    const funder = await createTestUser({ roles: ["funder"] });
    await postWebhook(
      checkoutEvent("checkout.session.completed", {
        id: `cs_test_anon_${serial}`,
        amount_total: 1000,
        currency: "usd",
        metadata: { enterpriseId: enterprise.id, userId: funder.id, anonymous: "true" },
      }),
    );
    const ownerView = await run(received.loader, getRequest(`/enterprises/${enterprise.slug}/contributions`, owner.cookie), {
      slug: enterprise.slug,
    });
    expect((ownerView.data as { contributions: { contributor: string | null }[] }).contributions[0]!.contributor).toBeNull();
    expect(JSON.stringify(ownerView.data)).not.toContain(funder.email);
  });

  test("members only can see what an enterprise received", async () => {
    const { enterprise } = await publishedEnterprise();
    const stranger = await createTestUser({ roles: ["funder"] });
    expect(
      (await run(received.loader, getRequest(`/enterprises/${enterprise.slug}/contributions`, stranger.cookie), { slug: enterprise.slug }))
        .status,
    ).toBe(403);
  });
});
