import { describe, expect, test } from "vitest";
import { contributeSchema, MAXIMUM_AMOUNT, MINIMUM_AMOUNTS } from "~/utils/contribution-validation";

const schema = contributeSchema(["USD", "KZT", "JPY"]);
const form = (fields: Record<string, unknown>) => ({
  intent: "contribute",
  attempt: crypto.randomUUID(),
  currency: "USD",
  amount: "25",
  ...fields,
});
const amountErrors = (fields: Record<string, unknown>) => {
  const result = schema.safeParse(form(fields));
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === "amount").map((issue) => issue.message);
};

describe("the contribution form", () => {
  test("gives the amount in minor units of the chosen currency", () => {
    expect(schema.parse(form({ amount: "1 500,50", currency: "KZT" })).amount).toBe(150_050);
    expect(schema.parse(form({ amount: "500", currency: "JPY" })).amount).toBe(500);
  });

  test("refuses an amount under the currency's own minimum, next to the amount", () => {
    expect(MINIMUM_AMOUNTS.KZT).toBeGreaterThan(MINIMUM_AMOUNTS.USD!);
    expect(amountErrors({ amount: "2.50", currency: "USD" })).toEqual([]);
    expect(amountErrors({ amount: "2.50", currency: "KZT" })).toEqual(["errors.amountTooSmall"]);
    expect(amountErrors({ amount: "0.49", currency: "USD" })).toEqual(["errors.amountTooSmall"]);
  });

  test("refuses an amount over the maximum", () => {
    expect(amountErrors({ amount: String(MAXIMUM_AMOUNT / 100) })).toEqual([]);
    expect(amountErrors({ amount: String(MAXIMUM_AMOUNT / 100 + 1) })).toEqual(["errors.amountTooLarge"]);
  });

  test("refuses decimals a currency does not have, and anything that is not a positive amount", () => {
    expect(amountErrors({ amount: "12.345" })).toEqual(["errors.amount"]);
    expect(amountErrors({ amount: "5.5", currency: "JPY" })).toEqual(["errors.amount"]);
    expect(amountErrors({ amount: "-4" })).toEqual(["errors.amount"]);
    expect(amountErrors({ amount: "0" })).toEqual(["errors.amount"]);
  });

  test("offers only the currencies given", () => {
    const result = schema.safeParse(form({ currency: "EUR" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["currency", "errors.chooseOne"]]);
  });
});
