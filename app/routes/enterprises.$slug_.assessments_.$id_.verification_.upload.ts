import type { ActionFunctionArgs } from "@remix-run/node";
import { requireAssessmentMember } from "~/models/assessment.server";
import { requireUser } from "~/utils/auth.server";
import { receiveEvidenceForm } from "~/models/evidence-upload.server";
import { noticeHeader } from "~/utils/notice.server";

/**
 * POST: an evidence file sent by the verification page's script, which shows the upload's progress.
 * The file is checked exactly as the page's own form is; the answer is JSON: the form's messages
 * with the same status, or where to go next (whose page then says "File added.").
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment } = await requireAssessmentMember(user, params);
  const upload = await receiveEvidenceForm(request, { assessmentId: assessment.id, userId: user.id });
  if (!upload.ok) return Response.json({ form: "upload", result: upload.result }, { status: upload.status });
  const page = `/enterprises/${enterprise.slug}/assessments/${assessment.id}/verification`;
  return Response.json({ redirectTo: page }, { headers: { "Set-Cookie": await noticeHeader("verification.notice.added_file") } });
}
