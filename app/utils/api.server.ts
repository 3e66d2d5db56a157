import { DATA_LICENCE_LINK } from "~/utils/licence";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/** JSON responses of the open data API: open to every origin for GET, never cached privately. */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      "Cache-Control": "public, max-age=60",
      // The data is CC BY 4.0: said in every answer, as the OpenAPI document says it.
      Link: DATA_LICENCE_LINK,
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

export function apiError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return apiJson({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

// A fixed window per client address, counted in the database so that every app server shares it.
const WINDOW_MS = 60_000;
export const apiRequestsPerMinute = () => getEnv().API_RATE_LIMIT;

/** Null when the request may go on; otherwise the 429 to send. */
export async function apiRateLimit(address: string): Promise<Response | null> {
  const now = Date.now();
  const windowStart = new Date(now - (now % WINDOW_MS));
  const [{ count }] = (await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" (address, "windowStart", count) VALUES (${address}, ${windowStart}, 1)
    ON CONFLICT (address) DO UPDATE SET
      count = CASE WHEN "ApiRateWindow"."windowStart" = EXCLUDED."windowStart" THEN "ApiRateWindow".count + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING count`) as [{ count: number }];
  // Addresses not seen for a while are of no use to the limit; drop them now and then.
  if (Math.random() < 0.01) await prisma.$executeRaw`DELETE FROM "ApiRateWindow" WHERE "windowStart" < ${new Date(now - 10 * WINDOW_MS)}`;
  const limit = apiRequestsPerMinute();
  if (count <= limit) return null;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
  return apiError(
    429,
    "rate_limited",
    `Too many requests: at most ${limit} a minute. Try again in ${retryAfter} s.`,
    {},
    { "Retry-After": String(retryAfter) },
  );
}

export async function resetApiRateLimit() {
  await prisma.$executeRaw`DELETE FROM "ApiRateWindow"`;
}
