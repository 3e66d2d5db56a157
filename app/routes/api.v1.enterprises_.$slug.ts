import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPublicEnterprise } from "~/models/directory.server";
import { apiError, apiJson, apiMethodNotAllowed, apiRateLimit } from "~/utils/api.server";
import { clientAddress } from "~/utils/rate-limit.server";

/** GET /api/v1/enterprises/:slug: a published profile and its published rating; nothing else, ever. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimit(clientAddress(request, context));
  if (limited) return limited;
  const enterprise = await getPublicEnterprise(params.slug ?? "");
  if (!enterprise) return apiError(404, "not_found", "No published enterprise has this slug.");
  return apiJson(enterprise);
}

/** CORS preflight and any method but GET. */
export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
