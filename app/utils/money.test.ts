// Needs no database.
import { describe, expect, test } from "vitest";
import { formatMoney, toMinorUnits } from "./money";

describe("amounts typed by people", () => {
  test("become minor units of a two-decimal currency", () => {
    expect(toMinorUnits("12.5", "USD")).toBe(1250);
    expect(toMinorUnits("1 500,75", "KZT")).toBe(150075);
    expect(toMinorUnits("100", "UZS")).toBe(10000);
  });

  test("are whole units in a zero-decimal currency", () => {
    expect(toMinorUnits("500", "JPY")).toBe(500);
    expect(toMinorUnits("500.5", "JPY")).toBeNull();
  });

  test("that are not a positive amount are refused", () => {
    for (const bad of ["", "0", "-5", "abc", "1.234", "1e5", "12.5.5", "99999999999999"]) {
      expect(toMinorUnits(bad, "EUR"), bad).toBeNull();
    }
  });
});

test("money is shown in the user's language with the currency's own decimals", () => {
  expect(formatMoney(150075, "KZT", "en")).toMatch(/1,500\.75/);
  expect(formatMoney(500, "JPY", "en")).toMatch(/500$/);
  expect(formatMoney(1250, "EUR", "ru")).toMatch(/12,50/);
});

describe("amounts typed on a Dari or Pashto keyboard", () => {
  test("read Eastern Arabic-Indic digits and the Arabic decimal separator", () => {
    expect(toMinorUnits("۲۵", "USD")).toBe(2500);
    expect(toMinorUnits("۱٬۵۰۰٫۵۰", "AFN")).toBe(150050);
    expect(toMinorUnits("٣٠", "EUR")).toBe(3000);
  });
});
