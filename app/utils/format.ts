// Formatting in the user's language, with Intl; shared by server and browser. Formatters are
// made once per language and options: making one costs far more than using it.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, language: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${language}|${options ? JSON.stringify(options) : ""}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export const numberFormat = (language: string, options?: Intl.NumberFormatOptions) =>
  cached("n", language, options, () => new Intl.NumberFormat(language, options));

export const dateTimeFormat = (language: string, options?: Intl.DateTimeFormatOptions) =>
  cached("d", language, options, () => new Intl.DateTimeFormat(language, options));

export function formatDate(value: string | Date, language: string) {
  return dateTimeFormat(language, { dateStyle: "medium" }).format(new Date(value));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions) {
  return numberFormat(language, options).format(value);
}

/** A moment, in UTC so that the server and the browser render the same text. */
export function formatDateTime(value: string | Date, language: string) {
  return `${dateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(value))} UTC`;
}

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
