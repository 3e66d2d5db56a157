// Rendered public pages kept in memory for anonymous readers (issue 15, decision 026).
// - Only a GET of a public page (`isPublicPage`) from a visitor whose cookies are none or only
//   `KEPT_COOKIES` is answered from the cache or stored in it; a session, a notice or any other
//   cookie goes to the app. Only a 200 that sets no cookie and is not private is stored.
// - The key is the address with its query and the language the page is read in (the address's
//   `lang`, the switcher's cookie, `Accept-Language`, as the app decides it for anonymous readers).
// - Every change to a table a public page shows raises the data version (a PostgreSQL NOTIFY sent
//   by triggers when the change commits, see `data-changes.server.ts`): a page stored under an
//   older version is never served again. While that notice cannot be heard, nothing is served
//   from the cache. A page is kept at most PAGE_CACHE_SECONDS (pages that depend on the time of day).
import type { OutgoingHttpHeaders } from "node:http";
import { anonymousLanguage } from "~/utils/language-cookie.server";
import { FALLBACK_LANGUAGE } from "~/utils/i18n";
import { KeptUntilChange } from "~/utils/kept-until-change.server";

/** Cookies that do not change what a public page shows: the language (part of the key) and the known-device token. */
export const KEPT_COOKIES = new Set(["lng", "ortaq_device"]);

/** Headers of a stored page that are not replayed: each response makes its own. */
const OWN_HEADERS = new Set([
  "content-security-policy",
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
  "etag",
  "x-page-cache",
  "x-server-process",
]);

export interface StoredPage {
  headers: OutgoingHttpHeaders;
  /** The body as sent, with the CSP nonce it was rendered with. */
  body: Buffer;
  nonce: string;
  etag: string;
}

interface Entry extends StoredPage {
  version: number;
  storedAt: number;
}

/** The names of the cookies a request carries. */
export function cookieNames(cookieHeader: string | undefined) {
  if (!cookieHeader) return [];
  return cookieHeader
    .split(";")
    .map((part) => part.split("=")[0]!.trim())
    .filter((name) => name !== "");
}

/**
 * The key a request's page is kept under, or null when the request must go to the app
 * (not a GET, or a cookie that could change the page).
 */
export async function pageCacheKey(request: {
  method: string;
  url: string;
  headers: { cookie?: string; "accept-language"?: string };
}): Promise<string | null> {
  if (request.method !== "GET") return null;
  const cookie = request.headers.cookie;
  if (cookieNames(cookie).some((name) => !KEPT_COOKIES.has(name))) return null;
  const language =
    (await anonymousLanguage(
      new URL(request.url, "http://ortaq.invalid").href,
      cookie ?? null,
      request.headers["accept-language"] ?? null,
    )) ?? FALLBACK_LANGUAGE;
  return `${language} ${request.url}`;
}

export interface PageCacheOptions {
  /** How long a page is kept at most; 0 keeps none. */
  maxAgeMs: number;
  maxBytes: number;
  now?: () => number;
}

/** One process's kept pages, the least recently used dropped first when full. */
export class PageCache extends KeptUntilChange {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(
    private readonly options: PageCacheOptions,
    { listening = false }: { listening?: boolean } = {},
  ) {
    super(listening);
    this.now = options.now ?? Date.now;
  }

  protected get maxAge() {
    return this.options.maxAgeMs;
  }

  protected forget() {
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string): StoredPage | null {
    if (!this.enabled) return null;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.version !== this.version || this.now() - entry.storedAt >= this.options.maxAgeMs) {
      this.remove(key, entry);
      return null;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps a page rendered from the data of `version` (the version when its request arrived). */
  set(key: string, page: StoredPage, version: number) {
    if (!this.enabled || version !== this.version) return;
    const size = page.body.length + key.length;
    if (size > this.options.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(page.headers)) if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
    this.entries.set(key, { ...page, headers, version, storedAt: this.now() });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  get size() {
    return this.entries.size;
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length;
  }
}

/** A page's body with every occurrence of the CSP nonce it was rendered with replaced (byte for byte). */
export function replaceNonce(body: Buffer, nonce: string, replacement: string): Buffer {
  if (!nonce || nonce === replacement) return body;
  return Buffer.from(body.toString("latin1").split(nonce).join(replacement), "latin1");
}

/** The stored page's body with this response's nonce in place of the one it was rendered with. */
export const withNonce = (page: StoredPage, nonce: string): Buffer => replaceNonce(page.body, page.nonce, nonce);
