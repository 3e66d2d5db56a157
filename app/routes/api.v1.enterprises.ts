import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { decodeCursor, listDirectory } from "~/models/directory.server";
import { apiError, apiJson, apiMethodNotAllowed, apiRateLimit } from "~/utils/api.server";
import { DIRECTORY_PARAMS, parseDirectoryFilters } from "~/utils/directory-filters";
import { clientAddress } from "~/utils/rate-limit.server";

/** What each parameter accepts, for the message of a 400 (the OpenAPI document says the same). */
const PARAMETER_RULES: Record<string, string> = {
  minScore: "must be a number from 0 to 100",
  sdg: "must be a goal number from 1 to 17",
  limit: "must be a whole number from 1 to 100",
  cursor: "must be the nextCursor of an earlier page with the same sort",
  country: "must be one of KZ, KG, TJ, TM, UZ, AF, MN",
  region: "must be an ISO 3166-2 code of a region of the country",
};

/** GET /api/v1/enterprises: the directory as JSON, with the directory's filters and cursor pagination. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimit(clientAddress(request, context));
  if (limited) return limited;
  const url = new URL(request.url);
  const unknown = [...new Set(url.searchParams.keys())].filter(
    (k) => !(DIRECTORY_PARAMS as readonly string[]).includes(k) && k !== "limit",
  );
  const { filters, invalid } = parseDirectoryFilters(url.searchParams);
  const limitText = url.searchParams.get("limit");
  const limit =
    limitText === null ? 20 : /^\d{1,3}$/.test(limitText) && Number(limitText) >= 1 && Number(limitText) <= 100 ? Number(limitText) : null;
  if (limit === null) invalid.push("limit");
  const cursorText = url.searchParams.get("cursor");
  const cursor = decodeCursor(cursorText, filters.sort);
  if (cursorText && !cursor) invalid.push("cursor");
  if (unknown.length || invalid.length) {
    const reasons = [
      ...invalid.map((name) => `${name} ${PARAMETER_RULES[name] ?? "is not understood"}`),
      ...unknown.map((name) => `${name} is not a parameter`),
    ];
    return apiError(400, "bad_parameters", `Some parameters are not valid: ${reasons.join("; ")}.`, { invalid: [...invalid, ...unknown] });
  }
  const page = await listDirectory({ filters, cursor, limit: limit! });
  return apiJson(page);
}

/** CORS preflight and any method but GET. */
export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
