// Which text the error page shows for an error a route threw (server and browser alike).

/** The body of a 503 thrown when the file store refused an upload: its page says so, not that the database restarts. */
export const FILE_STORE_UNAVAILABLE = "file-store-unavailable";

const STATUSES_WITH_TEXT = [400, 403, 404, 405, 413, 429, 503];

/** The `errorPage` texts for a status (and the thrown response's body): `{ title, body }` keys. */
export function errorPageKeys(status: number, data?: unknown): { title: string; body: string } {
  if (status === 503 && data === FILE_STORE_UNAVAILABLE) return { title: "errorPage.503.title", body: "errorPage.fileStore503" };
  // A body that is not a form (415) is a request the page cannot read, like a 400.
  const key = status === 415 ? "400" : STATUSES_WITH_TEXT.includes(status) ? String(status) : "500";
  return { title: `errorPage.${key}.title`, body: `errorPage.${key}.body` };
}
