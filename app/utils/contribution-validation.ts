import { z } from "zod";
import { toMinorUnits } from "~/utils/money";

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

/**
 * The largest amount one contribution may be, in minor units of its currency: Stripe takes amounts of
 * at most eight digits (99,999,999: 999,999.99 USD, 999,999.99 UZS, 99,999,999 JPY); only IDR, which is
 * not offered, may have twelve. A larger amount would fail at Stripe, after the form was accepted.
 */
export const STRIPE_MAXIMUM_AMOUNT = 99_999_999;
export const MAXIMUM_AMOUNTS: Record<string, number> = Object.fromEntries(
  Object.keys(MINIMUM_AMOUNTS).map((currency) => [currency, STRIPE_MAXIMUM_AMOUNT]),
);

export type AmountProblem = "errors.amountTooSmall" | "errors.amountTooLarge" | "errors.chooseOne";

/** Whether Stripe would take this amount in this currency, checked before any session is opened. */
export function amountProblem(amount: number, currency: string): AmountProblem | null {
  if (!Object.hasOwn(MINIMUM_AMOUNTS, currency) || !Object.hasOwn(MAXIMUM_AMOUNTS, currency)) return "errors.chooseOne";
  if (amount < MINIMUM_AMOUNTS[currency]!) return "errors.amountTooSmall";
  if (amount > MAXIMUM_AMOUNTS[currency]!) return "errors.amountTooLarge";
  return null;
}

/**
 * The contribution form for the currencies offered. The amount typed is read in the chosen
 * currency and comes out in its minor units, between that currency's minimum and maximum at Stripe.
 */
export function contributeSchema(currencies: readonly string[]) {
  return schemasFor(currencies).schema;
}

/**
 * The form's fields before the amount is read, for the browser's constraints: Conform's
 * getZodConstraint cannot read a schema that ends in a transform.
 */
export function contributeFields(currencies: readonly string[]) {
  return schemasFor(currencies).fields;
}

// Made once per list of currencies: an enterprise's page shows the form to each reader, and making the
// schemas cost more than the rest of the form's render. The lists are the few the platform offers.
const made = new Map<string, ReturnType<typeof makeSchemas>>();

function schemasFor(currencies: readonly string[]) {
  const key = currencies.join(" ");
  let schemas = made.get(key);
  if (!schemas) {
    if (made.size >= 100) made.clear();
    schemas = makeSchemas([...currencies]);
    made.set(key, schemas);
  }
  return schemas;
}

function makeSchemas(currencies: readonly string[]) {
  const fields = makeFields(currencies);
  const schema = fields.transform((value, ctx) => {
    const refuse = (message: string) => {
      ctx.addIssue({ code: "custom", path: ["amount"], message });
      return z.NEVER;
    };
    const amount = toMinorUnits(value.amount, value.currency);
    if (amount === null) return refuse("errors.amount");
    const problem = amountProblem(amount, value.currency);
    if (problem) return refuse(problem);
    return { ...value, amount };
  });
  return { fields, schema };
}

function makeFields(currencies: readonly string[]) {
  return z.object({
    intent: z.literal("contribute").optional(),
    amount: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(20, { error: "errors.amount" }),
    currency: z
      .string({ error: "errors.chooseOne" })
      .refine((currency) => currencies.includes(currency) && Object.hasOwn(MINIMUM_AMOUNTS, currency), { error: "errors.chooseOne" }),
    anonymous: z.boolean().default(false),
    // One key per attempt: a form sent twice opens one Checkout Session, not two.
    attempt: z.uuid({ error: "errors.invalid" }),
  });
}

export type ContributionInput = z.output<ReturnType<typeof contributeSchema>>;
