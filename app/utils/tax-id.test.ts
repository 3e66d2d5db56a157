// Needs no database.
import { describe, expect, test } from "vitest";
import { COUNTRY_CODES } from "./reference-data";
import { checkTaxId, isValidTaxId, kazakhstanCheckDigit, normaliseTaxId, TAX_ID_RULES } from "./tax-id";

describe("Kazakhstan's BIN and IIN", () => {
  test.each([
    ["940140000385", "Halyk Bank of Kazakhstan JSC"],
    ["971240001315", "Kaspi Bank JSC"],
  ])("accepts the real BIN %s (%s)", (bin) => {
    expect(checkTaxId("KZ", bin)).toEqual({ ok: true, taxId: bin });
  });

  test("accepts a number whose first weighting gives 10 and second does not", () => {
    // 2,1,0,1,4,0,0,0,0,7,0 weighted 1…11 sums to 98 (mod 11 = 10); weighted 3…11,1,2 to 51 (mod 11 = 7).
    expect(kazakhstanCheckDigit("21014000070")).toBe(7);
    expect(isValidTaxId("KZ", "210140000707")).toBe(true);
  });

  test("never accepts a number for which both weightings give 10", () => {
    expect(kazakhstanCheckDigit("21014000077")).toBeNull();
    for (let last = 0; last <= 9; last++) expect(isValidTaxId("KZ", `21014000077${last}`)).toBe(false);
  });

  test("rejects a real BIN with one digit changed, naming the check digit", () => {
    expect(checkTaxId("KZ", "940140000386")).toEqual({ ok: false, problem: "checkDigit" });
    expect(checkTaxId("KZ", "940140000485")).toEqual({ ok: false, problem: "checkDigit" });
  });

  test("rejects 11 or 13 digits as the wrong length", () => {
    expect(checkTaxId("KZ", "94014000038")).toEqual({ ok: false, problem: "length" });
    expect(checkTaxId("KZ", "9401400003850")).toEqual({ ok: false, problem: "length" });
  });

  test("reads a BIN written with spaces or dashes as its digits", () => {
    expect(checkTaxId("KZ", " 9401 4000 0385 ")).toEqual({ ok: true, taxId: "940140000385" });
    expect(checkTaxId("KZ", "940-140-000-385")).toEqual({ ok: true, taxId: "940140000385" });
  });
});

describe("the other countries' numbers", () => {
  test("Kyrgyzstan: an INN has 14 digits", () => {
    expect(checkTaxId("KG", "02812200910140")).toEqual({ ok: true, taxId: "02812200910140" });
    expect(checkTaxId("KG", "0281220091014")).toEqual({ ok: false, problem: "length" });
  });

  test("Tajikistan: an INN has 9 digits", () => {
    expect(checkTaxId("TJ", "020 012 345")).toEqual({ ok: true, taxId: "020012345" });
    expect(checkTaxId("TJ", "02001234")).toEqual({ ok: false, problem: "length" });
    expect(checkTaxId("TJ", "940140000385")).toEqual({ ok: false, problem: "length" });
  });

  test("Uzbekistan: a STIR of 9 digits or a PINFL of 14", () => {
    expect(isValidTaxId("UZ", "302345678")).toBe(true);
    expect(isValidTaxId("UZ", "31505850190012")).toBe(true);
    expect(checkTaxId("UZ", "3023456789")).toEqual({ ok: false, problem: "length" });
  });

  test("Mongolia: a legal entity's register number of 7 digits", () => {
    expect(isValidTaxId("MN", "5123456")).toBe(true);
    expect(isValidTaxId("MN", "512345")).toBe(false);
  });

  test("Turkmenistan and Afghanistan, whose formats are not confirmed, accept 8 to 12 digits", () => {
    expect(TAX_ID_RULES.TM.confirmed).toBe(false);
    expect(TAX_ID_RULES.AF.confirmed).toBe(false);
    expect(isValidTaxId("AF", "1000123456")).toBe(true);
    expect(isValidTaxId("TM", "1234567")).toBe(false);
  });

  test.each(COUNTRY_CODES)("%s: letters are never a tax id", (country) => {
    expect(checkTaxId(country, "АБ12345678")).toEqual({ ok: false, problem: "notDigits" });
    expect(checkTaxId(country, "")).toEqual({ ok: false, problem: "notDigits" });
  });

  test.each(COUNTRY_CODES)("%s: the rule names its source", (country) => {
    expect(TAX_ID_RULES[country].source.length).toBeGreaterThan(20);
    expect(TAX_ID_RULES[country].lengths.length).toBeGreaterThan(0);
  });
});

test("normalising keeps the digits and takes out separators only", () => {
  expect(normaliseTaxId("94 01.40/000-385")).toBe("940140000385");
  expect(normaliseTaxId("BIN 940140000385")).toBe("BIN940140000385");
});

test("the demo enterprises' numbers pass their country's checks", async () => {
  const { DEMO_LEGAL_STATUS } = await import("../../prisma/demo-legal");
  for (const status of Object.values(DEMO_LEGAL_STATUS)) expect(isValidTaxId(status.country, status.taxId), status.taxId).toBe(true);
});
