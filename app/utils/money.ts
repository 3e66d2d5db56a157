// Money is an integer in minor units with its ISO 4217 currency code, everywhere.
// Shared by server and browser.
import { formatNumber, toAsciiDigits } from "~/utils/format";

/** Currencies Stripe charges without a minor unit (the amount is in whole units). */
export const ZERO_DECIMAL_CURRENCIES = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);

export const minorUnitDigits = (currency: string) => (ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2);

/**
 * Parses an amount typed by a person ("1500", "1 500,50", "12.5") into minor units of the
 * currency, or null when it is not a positive amount with at most the currency's decimals.
 */
export function toMinorUnits(typed: string, currency: string): number | null {
  const cleaned = toAsciiDigits(typed)
    .trim()
    .replace(/[\s\u00a0\u202f']/g, "")
    .replace(",", ".");
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^\d{1,12}$/ : /^\d{1,12}(\.\d{1,2})?$/;
  if (!pattern.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

export function fromMinorUnits(amount: number, currency: string): number {
  return amount / 10 ** minorUnitDigits(currency);
}

export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = minorUnitDigits(currency);
  return formatNumber(fromMinorUnits(amount, currency), language, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
