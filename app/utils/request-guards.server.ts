import type { IncomingMessage, ServerResponse } from "node:http";
import type { HeadersFunction, ServerBuild } from "@remix-run/node";

/** Methods that change something: each must come from a page of this site. */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Paths whose POSTs are authenticated otherwise: Stripe signs every webhook it sends. */
const ORIGIN_CHECK_EXEMPT = new Set(["/webhooks/stripe"]);
/** One-click unsubscribe links (RFC 8058) carry their own signed token, and a mail program POSTs to them from anywhere. */
const ORIGIN_CHECK_EXEMPT_PREFIXES = ["/email/unsubscribe/"];

export interface OriginCheckInput {
  method: string;
  path: string;
  origin?: string | null;
  referer?: string | null;
  host?: string | null;
  forwardedHost?: string | null;
  /** The origin of PUBLIC_URL when it is set (https://ortaq.example.org): then a form must come from there. */
  publicOrigin?: string | null;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
};

/** scheme://host[:port] of an absolute http(s) URL, lower-cased and without a default port; null for anything else. */
export const originOf = (url: string) => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin.toLowerCase() : null;
  } catch {
    return null;
  }
};

/**
 * Why a state-changing request must be refused as coming from another site, or null when it may go on.
 * The page that sent it is read from `Origin`, or from `Referer` when a browser sent no `Origin`.
 * When PUBLIC_URL is set (`publicOrigin`), that page must be on the site's public address, scheme and
 * port included, whatever `Host` the request carries (a client chooses it). Without PUBLIC_URL it must
 * be this site as the browser addressed it: the first `X-Forwarded-Host` when a proxy set one, else
 * `Host` (the same comparison Remix makes). A request with neither header is not a browser's
 * cross-site form and goes on.
 */
export function crossSiteRefusal({ method, path, origin, referer, host, forwardedHost, publicOrigin }: OriginCheckInput): string | null {
  if (!STATE_CHANGING.has(method.toUpperCase()) || ORIGIN_CHECK_EXEMPT.has(path)) return null;
  if (ORIGIN_CHECK_EXEMPT_PREFIXES.some((prefix) => path.startsWith(prefix))) return null;
  const expected = (forwardedHost?.split(",")[0]?.trim() || host || "").toLowerCase();
  const fromThisSite = (url: string) => (publicOrigin ? originOf(url) === publicOrigin.toLowerCase() : hostOf(url) === expected);
  if (origin !== null && origin !== undefined && origin !== "") {
    return origin !== "null" && fromThisSite(origin) ? null : `origin ${origin}`;
  }
  if (referer) return fromThisSite(referer) ? null : `referer ${referer}`;
  return null;
}

interface GuardRequest {
  method: string;
  path: string;
  get(name: string): string | undefined;
}
interface GuardResponse {
  status(code: number): GuardResponse;
  type(type: string): GuardResponse;
  send(body: string): unknown;
}

/**
 * Express middleware, before Remix: a state-changing request from another site gets 403 and one log
 * line. Remix checks `Origin` only for routes with a page (and answers a mismatch with a 500 and a
 * stack trace); resource routes such as /logout and /language are checked here like every other.
 */
export function refuseCrossSiteRequests(
  log: (line: string) => void = (line) => console.warn(line),
  { publicUrl }: { publicUrl?: string | null } = {},
) {
  const publicOrigin = publicUrl ? originOf(publicUrl) : null;
  return (req: GuardRequest, res: GuardResponse, next: () => void) => {
    const refusal = crossSiteRefusal({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      referer: req.get("referer"),
      host: req.get("host"),
      forwardedHost: req.get("x-forwarded-host"),
      publicOrigin,
    });
    if (!refusal) return next();
    log(`403 cross-site ${req.method} ${req.path} refused: ${refusal} is not this site`);
    res.status(403).type("text/plain").send("Forbidden: this form was not sent from a page of this site.");
  };
}

/**
 * Express middleware, before the static files and Remix: an address whose path holds a malformed escape
 * (`%E0%A4%A`, a lone `%`) gets 400 with a plain message, whatever it names. Remix would log three
 * warnings for a page's address and answer 404.
 */
export function refuseMalformedPaths() {
  return (req: GuardRequest, res: GuardResponse, next: () => void) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      res.status(400).type("text/plain").send("Bad request: the address holds a malformed %-escape.");
      return;
    }
    next();
  };
}

/**
 * Express middleware, before Remix: an address with a `_data` parameter gets 400 with a plain message.
 * That is how Remix asked for a route's data before single fetch (the site's pages now ask at `.data`
 * addresses); Remix still answers it, with the data of whichever route it names, and logs a warning
 * with its stack for each.
 */
export function refuseLegacyDataRequests() {
  // req.url: the path with its query, as asked for.
  return (req: { url: string }, res: GuardResponse, next: () => void) => {
    const query = req.url.indexOf("?");
    if (query >= 0 && new URLSearchParams(req.url.slice(query + 1)).has("_data")) {
      res.status(400).type("text/plain").send("Bad request: the _data parameter is not used by this site.");
      return;
    }
    next();
  };
}

/** How much of a request's body is read and thrown away after its answer, at most; past it the connection is closed. */
export const UNREAD_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * Express middleware, first of all: a request answered before its body was read through (a page that is
 * not there, a form sent by a signed-out visitor, a page that takes no form) has the rest of its body read
 * and thrown away, as Node does for a body nobody began to read. Remix begins to read every body, so
 * without this the connection stalls until its keep-alive timeout and is then reset: the next request on
 * it is never answered, and a browser still sending shows a connection error instead of the answer.
 * Past `limit` bytes the connection is closed.
 */
export function discardUnreadBodies(limit = UNREAD_BODY_LIMIT) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.once("finish", () => {
      if (req.complete || req.destroyed) return;
      let discarded = 0;
      req.removeAllListeners("data");
      req.on("data", (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > limit) req.socket.destroy();
      });
      req.resume();
    });
    next();
  };
}

interface ErrorResponse extends GuardResponse {
  headersSent: boolean;
  setHeader(name: string, value: string): unknown;
}

/**
 * Express error handler, after every other handler: an error passed on with a 4xx status (the static
 * files' 416 for a range past a file's end) is answered with that status, the error's own headers
 * (its Content-Range) and a plain message, and is not logged. Anything else goes on to Express, which
 * logs it and answers 500.
 */
export function answerClientErrors() {
  return (error: unknown, _req: unknown, res: ErrorResponse, next: (error: unknown) => void) => {
    const { status, headers } = (error ?? {}) as { status?: unknown; headers?: unknown };
    if (res.headersSent || typeof status !== "number" || status < 400 || status > 499) return next(error);
    for (const [name, value] of Object.entries(headers && typeof headers === "object" ? headers : {})) {
      if (typeof value === "string") res.setHeader(name, value);
    }
    res
      .status(status)
      .type("text/plain")
      .send(`${status}: ${(error as Error).message || "Bad request"}`);
  };
}

interface WriteHeadResponse {
  writeHead: (...args: never[]) => unknown;
  getHeader(name: string): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * Express middleware: every 503 and every 429 says when to try again. A route that knows the wait (a
 * login delay, the forum's posting limit, the API's window) sends its own `Retry-After`; any other gets
 * these defaults, so no refusal anywhere leaves a client guessing.
 */
export function defaultRetryAfter({ unavailableSeconds, tooManySeconds }: { unavailableSeconds: number; tooManySeconds: number }) {
  return (_req: unknown, res: WriteHeadResponse, next: () => void) => {
    const writeHead = res.writeHead as (this: WriteHeadResponse, ...args: unknown[]) => unknown;
    res.writeHead = function (this: WriteHeadResponse, ...args: unknown[]) {
      const status = args[0];
      const fallback = status === 503 ? unavailableSeconds : status === 429 ? tooManySeconds : null;
      if (fallback !== null && !this.getHeader("Retry-After")) this.setHeader("Retry-After", String(fallback));
      return writeHead.apply(this, args);
    } as WriteHeadResponse["writeHead"];
    next();
  };
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * A request whose `formData()` answers a body that is not a form with 415, and one that cannot be read
 * (a broken multipart body) with 400, thrown as responses, instead of the TypeError that became a 500.
 */
export function guardFormBody(request: Request): Request {
  const read = request.formData.bind(request);
  request.formData = async () => {
    const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.has(type)) {
      throw new Response("Unsupported Media Type: send the form as application/x-www-form-urlencoded or multipart/form-data.", {
        status: 415,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    try {
      return await read();
    } catch {
      throw new Response("Bad Request: the form's body could not be read.", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  };
  return request;
}

/** The server build with every route's action reading its form through guardFormBody: one place for all of them. */
export function guardFormBodies(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    routes[id] = action
      ? { ...route, module: { ...route.module, action: (args) => action({ ...args, request: guardFormBody(args.request) }) } }
      : route;
  }
  return { ...build, routes };
}

/**
 * A page answers with only the Set-Cookie headers of its loaders and actions unless it exports
 * `headers`; this one passes on `Retry-After` too, so a 429 from an action (a login wait, the forum's
 * posting limit) tells the browser when to try again.
 */
const passRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders, parentHeaders }) => {
  const retryAfter =
    errorHeaders?.get("Retry-After") ??
    actionHeaders.get("Retry-After") ??
    loaderHeaders.get("Retry-After") ??
    parentHeaders.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** The server build with both guards: form bodies read safely, and Retry-After passed on by every page. */
export function guardRoutes(build: ServerBuild): ServerBuild {
  const guarded = guardFormBodies(build);
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(guarded.routes)) {
    routes[id] = route.module.headers || !route.module.default ? route : { ...route, module: { ...route.module, headers: passRetryAfter } };
  }
  return { ...guarded, routes };
}
