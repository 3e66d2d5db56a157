import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "~/utils/api.server";
import { openApiDocument } from "~/utils/openapi";

export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(new URL(request.url).origin));
}
