// Formatting in the user's language, with Intl; shared by server and browser.
export function formatDate(value: string | Date, language: string) {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(new Date(value));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A moment, in UTC so that the server and the browser render the same text. */
export function formatDateTime(value: string | Date, language: string) {
  return `${new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(value))} UTC`;
}
