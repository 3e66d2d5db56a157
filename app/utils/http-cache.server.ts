// HTTP caching for browsers and shared proxies (issue 15).
// - Any response to a request that carries a session cookie, and any response that sets a cookie,
//   is `private, no-store`: a person's page is never kept by a proxy, nor by the browser.
// - The public pages anonymous visitors read (home, directory, enterprise pages, sector summaries,
//   forum, methodology, feeds, the open data API, the learning library, the legal guides, the mentors)
//   get a strong validator: an ETag over the body (the per-response CSP nonce left out),
//   `Cache-Control: public, max-age=0, must-revalidate` and `Vary: Cookie, Accept-Language`, so a
//   proxy or browser keeps them but asks again each time, and a request whose If-None-Match matches
//   is answered 304 without a body.
// - With a `PageCache`, such a page is also kept for other anonymous readers (see page-cache.server.ts)
//   and answered from memory, with this response's own CSP nonce; `X-Page-Cache` says hit or miss.
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { cookieNames, pageCacheKey, replaceNonce, withNonce, type PageCache, type StoredPage } from "~/utils/page-cache.server";
import { isReadingMethod } from "~/utils/request-scope.server";

export const SESSION_COOKIE = "ortaq_session";

/** Pages anyone may read, the same for every anonymous reader of one language. */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/ratings$/,
  /^\/compare$/,
  /^\/enterprises\/[^/]+$/,
  /^\/sector$/,
  /^\/methodology(?:\/[^/]+)?$/,
  /^\/forum$/,
  /^\/forum\/search$/,
  /^\/forum\/feed\.atom$/,
  /^\/forum\/threads\/[^/]+$/,
  /^\/forum\/(?!new$|flags$|moderation$|consultations$)[^/]+$/,
  /^\/forum\/[^/]+\/feed\.atom$/,
  /^\/api\/v1\/enterprises(?:\/[^/]+)?$/,
  /^\/learn(?:\/(?!new$)[^/]+)?$/,
  /^\/legal(?:\/[^/]+)?$/,
  /^\/mentors$/,
];

export const isPublicPage = (pathname: string) => PUBLIC_PAGES.some((pattern) => pattern.test(pathname));

export function hasSessionCookie(cookieHeader: string | undefined) {
  return cookieNames(cookieHeader).includes(SESSION_COOKIE);
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

const PRIVATE = "private, no-store";

/** The page's ETag: a hash of its body with the response's CSP nonce left out. */
function etagOf(body: Buffer, nonce: string) {
  return `"${createHash("sha1")
    .update(replaceNonce(body, nonce, ""))
    .digest("base64url")}"`;
}

/** Sends a validated public page: 304 when the browser's copy is this one, else the body. */
function answer(
  req: Request,
  res: Response,
  { body, etag }: { body: Buffer; etag: string },
  send: { write: (chunk: unknown) => boolean; end: (...args: unknown[]) => Response },
  done?: unknown,
) {
  const callback = typeof done === "function" ? done : undefined;
  res.setHeader("ETag", etag);
  if (!res.getHeader("Cache-Control")) res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
  res.setHeader("Vary", "Cookie, Accept-Language");
  if (etagMatches(req.headers["if-none-match"], etag)) {
    // The browser keeps the page it has and the headers that came with it (its CSP nonce included).
    res.removeHeader("Content-Security-Policy");
    res.removeHeader("Content-Type");
    res.removeHeader("Content-Length");
    res.statusCode = 304;
    return send.end(callback);
  }
  if (body.length > 0) send.write(body);
  return send.end(callback);
}

/**
 * Express middleware; install it after compression (so it sees the uncompressed body) and after
 * the middleware that gives each response its CSP nonce (`res.locals.cspNonce`).
 */
export function httpCache({ pages }: { pages?: PageCache } = {}) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const personal = hasSessionCookie(req.headers.cookie);
    const cacheable = !personal && isReadingMethod(req.method) && isPublicPage(req.path);
    const writeHead = res.writeHead;
    // Decided when the headers go out, after the route has set its own.
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      if (personal || this.getHeader("Set-Cookie") !== undefined) this.setHeader("Cache-Control", PRIVATE);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    if (!cacheable) return next();

    const nonce = typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : "";
    const key = pages?.enabled ? await pageCacheKey(req).catch(() => null) : null;
    const version = pages?.version ?? 0;
    if (pages && key) {
      const kept = pages.get(key);
      if (kept) {
        for (const [name, value] of Object.entries(kept.headers)) if (value !== undefined) res.setHeader(name, value);
        res.setHeader("X-Page-Cache", "hit");
        res.statusCode = 200;
        const send = {
          write: res.write.bind(res) as (chunk: unknown) => boolean,
          end: res.end.bind(res) as (...args: unknown[]) => Response,
        };
        return answer(req, res, { body: withNonce(kept, nonce), etag: kept.etag }, send);
      }
      res.setHeader("X-Page-Cache", "miss");
    }

    // Remix sends the headers before the body; here they wait for the whole body and its ETag.
    res.flushHeaders = () => {};
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"),
      );
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      if (typeof encoding === "function") encoding();
      else if (typeof callback === "function") callback();
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      const body = Buffer.concat(chunks);
      res.write = write as typeof res.write;
      res.end = end as typeof res.end;
      const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
      if (
        res.statusCode === 200 &&
        res.getHeader("Set-Cookie") === undefined &&
        !/no-store|private/.test(String(res.getHeader("Cache-Control") ?? ""))
      ) {
        const etag = etagOf(body, nonce);
        if (pages && key) {
          const page: StoredPage = { headers: res.getHeaders(), body, nonce, etag };
          pages.set(key, page, version);
        }
        return answer(req, res, { body, etag }, { write, end }, done);
      }
      if (pages && key) res.setHeader("X-Page-Cache", "bypass");
      if (body.length > 0) write(body);
      return end(typeof done === "function" ? done : undefined);
    }) as typeof res.end;
    next();
  };
}
