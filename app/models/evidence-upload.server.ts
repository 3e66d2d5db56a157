// An evidence file sent from the enterprise's verification page: read by the page's action (a plain
// form) and by the upload address the page's script sends it to with progress (a JSON answer).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { addEvidenceFile, type VerificationError } from "~/models/verification.server";
import { receiveEvidenceUpload } from "~/utils/evidence-files.server";
import { forbidden } from "~/utils/permissions.server";
import { EvidenceUploadSchema } from "~/utils/verification-validation";

const UPLOAD_STATUS = { too_large: 413, bad_type: 415, empty: 400, missing: 400, malformed: 400 } as const;

/** A refusal of the verification model as the status and the message the page shows. */
export function refusalOf(error: VerificationError) {
  if (error === "forbidden") forbidden();
  if (error === "not_applicable") return { status: 400, fieldErrors: { questionId: ["verification.errors.question"] } };
  return { status: error === "not_found" ? 404 : 409, formErrors: [`verification.errors.${error}`] };
}

export type EvidenceUploadOutcome = { ok: true } | { ok: false; status: number; result: SubmissionResult<string[]> };

/**
 * Stores the file of a multipart upload form as it streams in and adds it to the assessment's
 * evidence; the fields that come with it are checked like any form's. A refused file gives the
 * status and the form's messages (the same whichever way the form was sent).
 */
export async function receiveEvidenceForm(
  request: Request,
  { assessmentId, userId }: { assessmentId: string; userId: string },
): Promise<EvidenceUploadOutcome> {
  const { formData, file, problem } = await receiveEvidenceUpload(request);
  const submission = parseWithZod(formData ?? new FormData(), { schema: EvidenceUploadSchema });
  const refuse = (status: number, options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) =>
    ({ ok: false, status, result: submission.reply(options) }) as const;
  if (!file || problem)
    return refuse(UPLOAD_STATUS[problem ?? "missing"], { fieldErrors: { file: [`verification.upload.${problem ?? "missing"}`] } });
  const outcome = await addEvidenceFile({
    assessmentId,
    questionId: submission.status === "success" ? submission.value.questionId : "",
    userId,
    upload: file,
  });
  if (!outcome.ok) {
    const { status, ...messages } = refusalOf(outcome.error);
    return refuse(status, messages);
  }
  return { ok: true };
}
