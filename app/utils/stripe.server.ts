import Stripe from "stripe";
import { MINIMUM_AMOUNTS } from "~/utils/contribution-validation";
import { getEnv } from "~/utils/env.server";

/**
 * The one door to Stripe. Keys come from the environment; STRIPE_API_BASE points the SDK
 * at another host (the test suite's local stand-in of the Stripe API).
 */

// Stripe does not charge TMT, so it is not offered.
const DEFAULT_CURRENCIES = ["USD", "EUR", "KZT", "KGS", "TJS", "UZS", "AFN", "MNT"];

/** The currencies offered: STRIPE_CURRENCIES when set (those with a known minimum charge), else the default list. */
export function contributionCurrencies(): string[] {
  const configured = getEnv()
    .STRIPE_CURRENCIES?.split(",")
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return configured?.length ? configured.filter((c) => Object.hasOwn(MINIMUM_AMOUNTS, c)) : DEFAULT_CURRENCIES;
}

export const stripeConfigured = () => Boolean(getEnv().STRIPE_SECRET_KEY);

export const webhooksConfigured = () => Boolean(getEnv().STRIPE_WEBHOOK_SECRET);

let client: { key: string; base: string | undefined; stripe: Stripe } | undefined;

export function getStripe(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = getEnv();
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  if (client && client.key === key && client.base === base) return client.stripe;
  const url = base ? new URL(base) : undefined;
  const stripe = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === "https:" ? 443 : 80),
          protocol: url.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
  client = { key, base, stripe };
  return stripe;
}

/** Verifies the signature over the raw body; throws when it is missing, wrong or too old. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set");
  if (!signature) throw new Error("missing Stripe-Signature header");
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

/** The origins a form may be sent on to (Stripe Checkout), for the Content-Security-Policy. */
export function checkoutOrigins(): string[] {
  return [new URL(getEnv().STRIPE_CHECKOUT_ORIGIN ?? "https://checkout.stripe.com").origin];
}
