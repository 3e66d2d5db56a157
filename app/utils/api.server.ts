/** JSON responses of the open data API: open to every origin for GET, never cached privately. */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      "Cache-Control": "public, max-age=60",
      ...init.headers,
    },
  });
}

/**
 * The API's answer to anything but GET: a CORS preflight (OPTIONS) gets 204 with the allowed methods
 * and headers; every other method gets 405 with an Allow header.
 */
export function apiMethodNotAllowed(request: Request) {
  if (request.method === "OPTIONS") {
    return new Response(null, {
      status: 204,
      headers: {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, OPTIONS",
        "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
        "Access-Control-Max-Age": "86400",
      },
    });
  }
  return apiError(405, "method_not_allowed", "The open data API is read-only: use GET.", {}, { Allow: "GET, OPTIONS" });
}

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return apiJson({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

// A fixed window per client address. In-process: with several app servers each counts its own.
const WINDOW_MS = 60_000;
export const API_REQUESTS_PER_MINUTE = Number(process.env.API_RATE_LIMIT ?? 120);
const windows = new Map<string, { start: number; count: number }>();

/** Null when the request may go on; otherwise the 429 to send. */
export function apiRateLimit(address: string): Response | null {
  const now = Date.now();
  let window = windows.get(address);
  if (!window || now - window.start >= WINDOW_MS) {
    if (windows.size > 50_000) windows.clear();
    window = { start: now, count: 0 };
    windows.set(address, window);
  }
  window.count += 1;
  if (window.count <= API_REQUESTS_PER_MINUTE) return null;
  const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  return apiError(429, "rate_limited", `Too many requests: at most ${API_REQUESTS_PER_MINUTE} a minute. Try again in ${retryAfter} s.`, {}, { "Retry-After": String(retryAfter) });
}

export function resetApiRateLimit() {
  windows.clear();
}
