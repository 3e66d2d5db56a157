// Formatting in the user's language, with Intl; shared by server and browser.
export function formatDate(value: string | Date, language: string) {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(new Date(value));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(language, options).format(value);
}
