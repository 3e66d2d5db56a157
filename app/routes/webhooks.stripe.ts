import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeEvent } from "~/models/contribution.server";
import { getStripe, verifyWebhook, webhooksConfigured } from "~/utils/stripe.server";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export async function loader() {
  return json({ error: "This endpoint accepts Stripe's webhook POSTs only." }, 405);
}

/** Stripe's webhook: the signature is checked over the raw body before anything is read from it. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "POST only" }, 405);
  if (!webhooksConfigured()) return json({ error: "Webhooks are not configured" }, 400);
  const raw = await request.text();
  let event;
  try {
    event = verifyWebhook(raw, request.headers.get("stripe-signature"));
  } catch (error) {
    return json({ error: `Invalid signature: ${(error as Error).message}` }, 400);
  }
  const outcome = await handleStripeEvent(event, {
    receiptUrlFor: async (paymentIntentId) => {
      const intent = await getStripe().paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] });
      const charge = intent.latest_charge;
      return typeof charge === "object" && charge ? charge.receipt_url : null;
    },
  });
  return json({ received: true, outcome });
}
