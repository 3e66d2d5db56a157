import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiMethodNotAllowed } from "~/utils/api.server";
import { openApiDocument } from "~/utils/openapi";

export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(new URL(request.url).origin));
}

/** CORS preflight and any method but GET. */
export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
