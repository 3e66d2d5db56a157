// Needs no database.
import { describe, expect, test } from "vitest";
import { amountProblem, contributeFields, contributeSchema, MAXIMUM_AMOUNTS, MINIMUM_AMOUNTS } from "~/utils/contribution-validation";

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

  test("refuses an amount over Stripe's eight-digit maximum in the currency's minor units", () => {
    expect(amountErrors({ amount: "999999.99" })).toEqual([]);
    expect(amountErrors({ amount: "1000000" })).toEqual(["errors.amountTooLarge"]);
    expect(amountErrors({ amount: "99999999", currency: "JPY" })).toEqual([]);
    expect(amountErrors({ amount: "100000000", currency: "JPY" })).toEqual(["errors.amountTooLarge"]);
    // 1,000,000 UZS is 100,000,000 tiyin: nine digits, which Stripe refuses.
    const uzs = contributeSchema(["UZS"]).safeParse(form({ amount: "1000000", currency: "UZS" }));
    expect(uzs.success).toBe(false);
    expect(uzs.error?.issues.map((issue) => issue.message)).toEqual(["errors.amountTooLarge"]);
    for (const currency of Object.keys(MINIMUM_AMOUNTS)) {
      expect(MAXIMUM_AMOUNTS[currency], currency).toBeLessThanOrEqual(99_999_999);
      expect(MAXIMUM_AMOUNTS[currency]!, currency).toBeGreaterThan(MINIMUM_AMOUNTS[currency]!);
    }
  });

  test("checks an amount in minor units against Stripe's limits for the currency", () => {
    expect(amountProblem(100_000_000, "UZS")).toBe("errors.amountTooLarge");
    expect(amountProblem(99_999_999, "UZS")).toBeNull();
    expect(amountProblem(49, "USD")).toBe("errors.amountTooSmall");
    expect(amountProblem(5_000, "constructor")).toBe("errors.chooseOne");
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

  test("is made once for a list of currencies, and each list offers only its own", () => {
    const offered = ["KZT", "UZS"];
    const kzt = contributeSchema(offered);
    expect(contributeSchema(["KZT", "UZS"])).toBe(kzt);
    // The list given later changes nothing in the form made from it.
    offered.push("USD");
    expect(kzt.safeParse(form({ currency: "USD" })).success).toBe(false);
    expect(contributeSchema(["KZT"]).safeParse(form({ currency: "UZS", amount: "10000" })).success).toBe(false);
    expect(contributeSchema(["UZS"]).safeParse(form({ currency: "UZS", amount: "10000" })).success).toBe(true);
    expect(contributeFields(["KZT", "UZS"]).shape.currency.safeParse("UZS").success).toBe(true);
  });
});
