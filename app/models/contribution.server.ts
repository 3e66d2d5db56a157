import type Stripe from "stripe";
import type { ContributionStatus } from "~/generated/prisma/client";
import { emailContributionPaid } from "~/models/email-notifications.server";
import { prisma, type Tx } from "~/utils/db.server";
import { amountProblem, type ContributionInput } from "~/utils/contribution-validation";
import { getStripe, stripeConfigured } from "~/utils/stripe.server";

// A status only ever moves forward: a late or replayed event never undoes a later one.
const STATUS_RANK: Record<ContributionStatus, number> = { pending: 0, failed: 1, paid: 2, refunded: 3 };

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * Records a Checkout Session as Stripe reports it. Amount and currency come from Stripe,
 * never from the browser; enterprise and contributor from the metadata set on the server.
 */
async function recordSession(tx: Tx, session: Stripe.Checkout.Session, status: ContributionStatus, receiptUrl: string | null) {
  const enterpriseId = session.metadata?.enterpriseId;
  if (!enterpriseId || session.amount_total === null || !session.currency) return "ignored" as const;
  const enterprise = await tx.enterprise.findUnique({ where: { id: enterpriseId }, select: { id: true } });
  if (!enterprise) return "ignored" as const;
  const userId = session.metadata?.userId || null;
  const user = userId ? await tx.user.findUnique({ where: { id: userId }, select: { id: true } }) : null;
  const paymentIntentId = idOf(session.payment_intent);
  const existing = await tx.contribution.findUnique({
    where: { checkoutSessionId: session.id },
    select: { id: true, status: true, receiptUrl: true, paidAt: true },
  });
  // A refund may have been reported before the payment itself.
  const refundedEarlier = paymentIntentId
    ? await tx.stripeEvent.findFirst({ where: { paymentIntentId, type: "charge.refunded" }, select: { id: true } })
    : null;
  let next: ContributionStatus = status;
  if (existing && STATUS_RANK[existing.status] > STATUS_RANK[next]) next = existing.status;
  if (refundedEarlier) next = "refunded";
  const now = new Date();
  const data = {
    status: next,
    paymentIntentId,
    receiptUrl: receiptUrl ?? existing?.receiptUrl ?? null,
    paidAt: existing?.paidAt ?? (STATUS_RANK[next] >= STATUS_RANK.paid ? now : null),
    ...(next === "refunded" ? { refundedAt: now, amountRefunded: session.amount_total } : {}),
  };
  let contributionId: string;
  if (existing) {
    await tx.contribution.update({ where: { id: existing.id }, data, select: { id: true } });
    contributionId = existing.id;
  } else {
    ({ id: contributionId } = await tx.contribution.create({
      data: {
        ...data,
        enterpriseId,
        userId: user?.id ?? null,
        anonymous: session.metadata?.anonymous === "true",
        amount: session.amount_total,
        currency: session.currency.toUpperCase(),
        checkoutSessionId: session.id,
      },
      select: { id: true },
    }));
  }
  // The payment is confirmed now, for the first time: the contributor gets a receipt, the owners a notice.
  if (next === "paid" && existing?.status !== "paid") await emailContributionPaid(tx, { contributionId });
  return "recorded" as const;
}

async function recordRefund(tx: Tx, charge: Stripe.Charge) {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return "ignored" as const;
  const fullyRefunded = charge.refunded || charge.amount_refunded >= charge.amount;
  const { count } = await tx.contribution.updateMany({
    where: { paymentIntentId },
    data: {
      amountRefunded: charge.amount_refunded,
      ...(fullyRefunded ? { status: "refunded", refundedAt: new Date() } : {}),
    },
  });
  return count > 0 ? ("recorded" as const) : ("deferred" as const);
}

export type WebhookOutcome = "recorded" | "ignored" | "deferred" | "duplicate";

/**
 * Handles one verified Stripe event exactly once: a replay is answered "duplicate" before Stripe is
 * asked for anything, and the event id is stored in the same transaction as its effect, so two
 * deliveries at once change nothing twice either.
 */
export async function handleStripeEvent(
  event: Stripe.Event,
  { receiptUrlFor }: { receiptUrlFor: (paymentIntentId: string) => Promise<string | null> },
): Promise<WebhookOutcome> {
  // A replay is recognised before anything else is done for it: no call to Stripe, no change here.
  if (await prisma.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return "duplicate";
  let receiptUrl: string | null = null;
  if (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") {
    const paymentIntentId = idOf(event.data.object.payment_intent);
    if (paymentIntentId && event.data.object.payment_status === "paid") {
      receiptUrl = await receiptUrlFor(paymentIntentId).catch(() => null);
    }
  }
  return prisma.$transaction(async (tx) => {
    const paymentIntentId = event.type === "charge.refunded" ? idOf(event.data.object.payment_intent) : null;
    const inserted = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type: event.type, paymentIntentId }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return "duplicate";
    switch (event.type) {
      case "checkout.session.completed": {
        const session = event.data.object;
        return recordSession(tx, session, session.payment_status === "paid" ? "paid" : "pending", receiptUrl);
      }
      case "checkout.session.async_payment_succeeded":
        return recordSession(tx, event.data.object, "paid", receiptUrl);
      case "checkout.session.async_payment_failed":
        return recordSession(tx, event.data.object, "failed", null);
      case "charge.refunded":
        return recordRefund(tx, event.data.object);
      default:
        return "ignored";
    }
  });
}

const RECEIVED_STATUSES: ContributionStatus[] = ["paid", "refunded"];

export async function listReceivedContributions(enterpriseId: string) {
  const [contributions, totals] = await Promise.all([
    prisma.contribution.findMany({
      where: { enterpriseId, status: { in: RECEIVED_STATUSES } },
      select: {
        id: true,
        amount: true,
        currency: true,
        status: true,
        anonymous: true,
        amountRefunded: true,
        paidAt: true,
        user: { select: { displayName: true } },
      },
      orderBy: { paidAt: "desc" },
      take: 500,
    }),
    prisma.contribution.groupBy({
      by: ["currency"],
      where: { enterpriseId, status: "paid" },
      _sum: { amount: true },
      _count: { _all: true },
      orderBy: { currency: "asc" },
    }),
  ]);
  return {
    contributions: contributions.map(({ user, anonymous, ...rest }) => ({
      ...rest,
      contributor: anonymous ? null : (user?.displayName ?? null),
    })),
    totals: totals.map((t) => ({ currency: t.currency, amount: t._sum.amount ?? 0, count: t._count._all })),
  };
}

export function listGivenContributions(userId: string) {
  return prisma.contribution.findMany({
    where: { userId },
    select: {
      id: true,
      amount: true,
      currency: true,
      status: true,
      anonymous: true,
      receiptUrl: true,
      paidAt: true,
      createdAt: true,
      enterprise: { select: { name: true, slug: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
}

export function getContributionBySession(checkoutSessionId: string) {
  return prisma.contribution.findUnique({
    where: { checkoutSessionId },
    select: { status: true, userId: true, amount: true, currency: true, enterprise: { select: { name: true, slug: true } } },
  });
}

/** What the platform owes each enterprise, per currency: paid contributions not refunded. */
export async function contributionTotalsByEnterprise() {
  const rows = await prisma.contribution.groupBy({
    by: ["enterpriseId", "currency"],
    where: { status: "paid" },
    _sum: { amount: true },
    _count: { _all: true },
    orderBy: [{ enterpriseId: "asc" }, { currency: "asc" }],
  });
  const enterprises = await prisma.enterprise.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.enterpriseId))] } },
    select: { id: true, name: true, slug: true },
  });
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  return rows.map((r) => ({
    enterprise: byId.get(r.enterpriseId)!,
    currency: r.currency,
    amount: r._sum.amount ?? 0,
    count: r._count._all,
  }));
}

export type StartContributionResult = { url: string } | { formError: string; status: number };

/**
 * Opens a Stripe Checkout Session for a contribution. The input is the server's parse of the
 * form (contributeSchema): the amount in minor units, within the currency's limits.
 */
export async function startContribution({
  user,
  enterprise,
  input,
  origin,
}: {
  user: { id: string; email: string };
  enterprise: { id: string; slug: string; name: string };
  input: ContributionInput;
  origin: string;
}): Promise<StartContributionResult> {
  if (!stripeConfigured()) return { formError: "contribute.notConfigured", status: 400 };
  const { amount, currency, anonymous, attempt } = input;
  // Stripe's own limits, checked here too: an amount it would refuse never reaches it.
  const problem = amountProblem(amount, currency);
  if (problem) return { formError: problem, status: 400 };
  const metadata = { enterpriseId: enterprise.id, userId: user.id, anonymous: String(anonymous) };
  try {
    const session = await getStripe().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: currency.toLowerCase(),
              unit_amount: amount,
              product_data: { name: `Contribution to ${enterprise.name}` },
            },
          },
        ],
        customer_email: user.email,
        client_reference_id: user.id,
        metadata,
        payment_intent_data: { metadata },
        success_url: `${origin}/contributions/return?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${origin}/enterprises/${enterprise.slug}?contribution=cancelled`,
      },
      { idempotencyKey: `contribution-${user.id}-${attempt}` },
    );
    return session.url ? { url: session.url } : { formError: "contribute.stripeUnavailable", status: 502 };
  } catch {
    return { formError: "contribute.stripeUnavailable", status: 502 };
  }
}
