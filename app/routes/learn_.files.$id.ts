import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachment } from "~/models/learning.server";
import { evidenceFileResponse } from "~/utils/evidence-files.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";

/** A file attached to a learning resource: public like the resource, always a download with the type read at upload. */
export async function loader({ params }: LoaderFunctionArgs) {
  const attachment = await getAttachment(requireIdParam(params));
  if (!attachment) notFound();
  return evidenceFileResponse(attachment);
}
