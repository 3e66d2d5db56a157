import { getAssessment } from "~/models/assessment.server";
import type { SessionUser } from "~/models/user.server";
import { notFound, requireEnterpriseMember } from "~/utils/permissions.server";
import { IdSchema } from "~/utils/validation";

/** The assessment behind the URL, for members of its enterprise (and admins) only. */
export async function requireAssessmentMember(
  user: SessionUser,
  params: { slug?: string; id?: string },
  options: { ownerOnly?: boolean } = {},
) {
  const { enterprise, role } = await requireEnterpriseMember(user, params.slug, options);
  if (!IdSchema.safeParse(params.id).success) notFound();
  const assessment = await getAssessment({ id: params.id!, enterpriseId: enterprise.id });
  if (!assessment) notFound();
  return { enterprise, role, assessment };
}
