import Stripe from "stripe";

/**
 * The one door to Stripe. Keys come from the environment; STRIPE_API_BASE points the SDK
 * at another host (the test suite's local stand-in of the Stripe API).
 */

// Stripe's minimum charge is about 0.50 USD; these are that minimum in each currency's minor units.
export const MINIMUM_AMOUNTS: Record<string, number> = {
  USD: 50,
  EUR: 50,
  KZT: 250_00,
  KGS: 45_00,
  TJS: 6_00,
  UZS: 6_500_00,
  AFN: 40_00,
  MNT: 1_800_00,
  JPY: 50,
};

// Stripe does not charge TMT, so it is not offered.
const DEFAULT_CURRENCIES = ["USD", "EUR", "KZT", "KGS", "TJS", "UZS", "AFN", "MNT"];

export function contributionCurrencies(): string[] {
  const configured = process.env.STRIPE_CURRENCIES?.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean);
  return configured?.length ? configured.filter((c) => c in MINIMUM_AMOUNTS) : DEFAULT_CURRENCIES;
}

export const stripeConfigured = () => Boolean(process.env.STRIPE_SECRET_KEY);

let client: { key: string; base: string | undefined; stripe: Stripe } | undefined;

export function getStripe(): Stripe {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  const base = process.env.STRIPE_API_BASE;
  if (client && client.key === key && client.base === base) return client.stripe;
  const url = base ? new URL(base) : undefined;
  const stripe = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(url
      ? { host: url.hostname, port: url.port || (url.protocol === "https:" ? 443 : 80), protocol: url.protocol.replace(":", "") as "http" | "https" }
      : {}),
  });
  client = { key, base, stripe };
  return stripe;
}

/** Verifies the signature over the raw body; throws when it is missing, wrong or too old. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set");
  if (!signature) throw new Error("missing Stripe-Signature header");
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

/** The origins a form may be sent on to (Stripe Checkout), for the Content-Security-Policy. */
export function checkoutOrigins(): string[] {
  return [new URL(process.env.STRIPE_CHECKOUT_ORIGIN ?? "https://checkout.stripe.com").origin];
}
