import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A local stand-in for the part of the Stripe API that Ortaq calls: creating Checkout
 * Sessions (honouring idempotency keys) and reading a PaymentIntent with its latest charge.
 * The Stripe SDK is pointed at it with STRIPE_API_BASE; nothing reaches the internet.
 */
export interface StandInSession {
  id: string;
  params: Record<string, string>;
  idempotencyKey: string | null;
  authorization: string | null;
}

/** One request the stand-in received: what a test asserts when the app must not have called Stripe. */
export interface StandInRequest {
  method: string;
  path: string;
}

/** Stripe's largest amount: eight digits in the currency's minor units (twelve for IDR). */
const MAXIMUM_AMOUNT = 99_999_999;

export async function startStripeStandIn(port = 0) {
  const sessions: StandInSession[] = [];
  const requests: StandInRequest[] = [];
  const byKey = new Map<string, Record<string, unknown>>();
  let base = "";

  const sessionJson = (session: StandInSession) => ({
    id: session.id,
    object: "checkout.session",
    url: `${base}/checkout/${session.id}`,
    mode: session.params.mode,
    status: "open",
    payment_status: "unpaid",
    amount_total: Number(session.params["line_items[0][price_data][unit_amount]"]),
    currency: session.params["line_items[0][price_data][currency]"],
    customer_email: session.params.customer_email,
    client_reference_id: session.params.client_reference_id,
    success_url: session.params.success_url,
    cancel_url: session.params.cancel_url,
    metadata: Object.fromEntries(
      Object.entries(session.params)
        .filter(([k]) => k.startsWith("metadata["))
        .map(([k, v]) => [k.slice("metadata[".length, -1), v]),
    ),
  });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", base);
    if (url.pathname.startsWith("/v1/")) requests.push({ method: req.method ?? "GET", path: url.pathname });
    const send = (status: number, value: unknown, type = "application/json") => {
      res.writeHead(status, { "Content-Type": type, "Request-Id": `req_${Date.now()}` });
      res.end(typeof value === "string" ? value : JSON.stringify(value));
    };
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      if (key && byKey.has(key)) return send(200, byKey.get(key));
      const amount = Number(new URLSearchParams(body).get("line_items[0][price_data][unit_amount]"));
      if (amount > MAXIMUM_AMOUNT) {
        return send(400, {
          error: {
            type: "invalid_request_error",
            code: "amount_too_large",
            message: "Amount must be no more than 99,999,999 in the currency's minor units.",
          },
        });
      }
      const session: StandInSession = {
        id: `cs_test_${sessions.length + 1}_${Date.now()}`,
        params: Object.fromEntries(new URLSearchParams(body)),
        idempotencyKey: key,
        authorization: (req.headers.authorization as string | undefined) ?? null,
      };
      sessions.push(session);
      const json = sessionJson(session);
      if (key) byKey.set(key, json);
      return send(200, json);
    }
    const intent = /^\/v1\/payment_intents\/([\w-]+)$/.exec(url.pathname);
    if (req.method === "GET" && intent) {
      const id = intent[1]!;
      return send(200, {
        id,
        object: "payment_intent",
        latest_charge: { id: `ch_for_${id}`, object: "charge", receipt_url: `${base}/receipts/${id}` },
      });
    }
    if (req.method === "GET" && url.pathname === "/__sessions") return send(200, sessions.map(sessionJson));
    const checkout = /^\/checkout\/([\w-]+)$/.exec(url.pathname);
    if (req.method === "GET" && checkout) {
      return send(
        200,
        `<!doctype html><html lang="en"><title>Checkout</title><h1>Stand-in Checkout ${checkout[1]}</h1></html>`,
        "text/html",
      );
    }
    send(404, { error: { type: "invalid_request_error", message: `No stand-in for ${req.method} ${url.pathname}` } });
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return {
    url: base,
    sessions,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const standIn = await startStripeStandIn(Number(process.env.STRIPE_STANDIN_PORT ?? 12111));
  console.log(`Stripe stand-in listening at ${standIn.url}`);
}
