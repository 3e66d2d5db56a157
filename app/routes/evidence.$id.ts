import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMembership } from "~/models/enterprise.server";
import { getEvidenceFile } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { evidenceFileResponse } from "~/utils/evidence-files.server";
import { notFound, requireIdParam, userCan } from "~/utils/permissions.server";

/**
 * An evidence file, for the members of its enterprise, the verifier assigned to its
 * assessment and admins only; to anyone else it does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const item = await getEvidenceFile(requireIdParam(params));
  if (!item?.storageName || !item.fileName || !item.contentType) notFound();
  const allowed =
    userCan(user, "read:verifications:any") ||
    item.assessment.verification?.verifierId === user.id ||
    (await getMembership({ enterpriseId: item.assessment.enterpriseId, userId: user.id })) !== null;
  if (!allowed) notFound();
  return evidenceFileResponse({ storageName: item.storageName, fileName: item.fileName, contentType: item.contentType });
}
