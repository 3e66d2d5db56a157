import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiMethodNotAllowed } from "~/utils/api.server";
import { getFixedT } from "~/utils/i18next.server";
import { openApiDocument } from "~/utils/openapi";

/** Described in the reader's language (Accept-Language, or the site's language cookie). */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(new URL(request.url).origin, await getFixedT(request)));
}

/** CORS preflight and any method but GET. */
export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
