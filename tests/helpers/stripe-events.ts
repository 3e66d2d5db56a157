import Stripe from "stripe";

export const TEST_WEBHOOK_SECRET = "whsec_test_ortaq_secret";

let serial = 0;

/** A Stripe event as Stripe would send it, for a Checkout Session with the given fields. */
export function checkoutEvent(
  type: "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed",
  session: {
    id: string;
    amount_total: number;
    currency: string;
    metadata: Record<string, string>;
    payment_intent?: string;
    payment_status?: string;
  },
) {
  serial += 1;
  return {
    id: `evt_test_${Date.now()}_${serial}`,
    object: "event",
    type,
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        payment_intent: `pi_${session.id}`,
        ...session,
      },
    },
  };
}

export function refundEvent(paymentIntent: string, amount: number, amountRefunded = amount) {
  serial += 1;
  return {
    id: `evt_test_refund_${Date.now()}_${serial}`,
    object: "event",
    type: "charge.refunded",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: `ch_${paymentIntent}`,
        object: "charge",
        payment_intent: paymentIntent,
        amount,
        amount_refunded: amountRefunded,
        refunded: amountRefunded >= amount,
      },
    },
  };
}

/** The raw body and the Stripe-Signature header Stripe would send, made with the SDK's own helper. */
export function signed(event: unknown, secret = TEST_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}
