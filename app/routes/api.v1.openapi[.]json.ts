import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiMethodNotAllowed } from "~/utils/api.server";
import { getEnv } from "~/utils/env.server";
import { getFixedT } from "~/utils/i18next.server";
import { openApiDocument } from "~/utils/openapi";

/**
 * Described in the reader's language (Accept-Language, or the site's language cookie), so shared
 * caches keep one copy per language; the server's address is PUBLIC_URL, never the Host header.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(getEnv().PUBLIC_URL, await getFixedT(request)), { headers: { Vary: "Accept-Language, Cookie" } });
}

/** CORS preflight and any method but GET. */
export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
