// Formatting in the user's language, with Intl; shared by server and browser. Formatters (and the
// samples of intlProbe) are made once per language and options: making one costs far more than using it.
const made = new Map<string, unknown>();

function cached<T>(kind: string, language: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${language}|${options ? JSON.stringify(options) : ""}`;
  let value = made.get(key) as T | undefined;
  if (value === undefined) made.set(key, (value = make()));
  return value;
}

/** Forgets every formatter made, for when the browser's Intl was just given a language's data. */
export function forgetFormatters() {
  made.clear();
}

export const numberFormat = (language: string, options?: Intl.NumberFormatOptions) =>
  cached("n", language, options, () => new Intl.NumberFormat(language, options));

// Pashto in the Gregorian calendar: CLDR's Pashto is Solar Hijri with the Latin era "AP" before the
// year, and no browser polyfill writes that calendar, so the server's page and a browser without
// Pashto data would disagree (decision note 009). Dari keeps its Solar Hijri dates.
const CALENDARS: Partial<Record<string, string>> = { ps: "gregory" };

export const dateTimeFormat = (language: string, options?: Intl.DateTimeFormatOptions) =>
  cached(
    "d",
    language,
    options,
    () => new Intl.DateTimeFormat(language, CALENDARS[language] ? { calendar: CALENDARS[language], ...options } : options),
  );

// Node writes a plain space where CLDR's data, as FormatJS ships it to browsers that lack a
// language (app/utils/intl-polyfill.client.ts), has a narrow no-break space ("2026 ж." in
// Kazakh): one space for both, so the server's page and the browser's render read the same.
const sameEverywhere = (text: string) => text.replace(/\u202f/g, " ");

/** A day, in UTC so that the server and the browser render the same text. */
export function formatDate(value: string | Date, language: string) {
  return sameEverywhere(dateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value)));
}

/** Several things as one phrase in the reader's language ("A, B and C"). */
export function formatList(values: readonly string[], language: string) {
  return cached("l", language, undefined, () => new Intl.ListFormat(language, { type: "conjunction" })).format(values);
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions) {
  return sameEverywhere(numberFormat(language, options).format(value));
}

/** A moment, in UTC so that the server and the browser render the same text. */
export function formatDateTime(value: string | Date, language: string) {
  return `${sameEverywhere(dateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(value)))} UTC`;
}

/** A methodology version ("2") as a number in the reader's digits; any other id as it is. */
export function formatVersion(version: string, language: string) {
  return /^\d+$/.test(version) ? formatNumber(Number(version), language, { useGrouping: false }) : version;
}

const PROBE_MOMENT = new Date(Date.UTC(2026, 4, 5, 14, 30));
const PROBE_COUNTS = [0, 1, 2, 3, 4, 5, 11, 21, 101, 1.5];

/**
 * How this Intl writes a language, in samples of each kind: plural categories, numbers, dates, lists.
 * The server puts its own in the page; the browser compares its own with it before hydrating and
 * takes FormatJS's data for a kind that differs (app/utils/intl-polyfill.client.ts).
 */
export function intlProbe(language: string): IntlProbe {
  return cached("probe", language, undefined, () => makeProbe(language));
}

function makeProbe(language: string) {
  const plural = new Intl.PluralRules(language);
  return {
    plural: PROBE_COUNTS.map((n) => plural.select(n)).join(" "),
    number: [
      formatNumber(1234.5, language),
      formatNumber(63.45, language, { maximumFractionDigits: 1 }),
      formatNumber(0.125, language, { style: "percent", maximumFractionDigits: 1 }),
      formatNumber(12500, language, { style: "currency", currency: "KZT" }),
    ].join(" | "),
    date: [formatDate(PROBE_MOMENT, language), formatDateTime(PROBE_MOMENT, language)].join(" | "),
    // Two and three: Kazakh joins two with "және" and three with commas alone.
    list: [formatList(["A", "B"], language), formatList(["A", "B", "C"], language)].join(" | "),
  };
}

export type IntlProbe = ReturnType<typeof makeProbe>;

/**
 * Digits as typed on a Dari or Pashto keyboard (۰–۹, ٠–٩, with ٫ for the decimal point and ٬
 * between thousands) turned into the ASCII digits the parsers read.
 */
export function toAsciiDigits(text: string): string {
  return text
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u066b/g, ".")
    .replace(/\u066c/g, "");
}

/** A wait in seconds as a person reads it, in their language: "45 seconds", "3 minutes" (rounded up). */
export function formatWait(seconds: number, language: string) {
  if (seconds < 60) return formatNumber(Math.max(1, Math.ceil(seconds)), language, { style: "unit", unit: "second", unitDisplay: "long" });
  return formatNumber(Math.ceil(seconds / 60), language, { style: "unit", unit: "minute", unitDisplay: "long" });
}
