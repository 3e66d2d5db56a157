import { prisma } from "~/utils/db.server";
import { precheckEnterprise, type Precheck, type PrecheckAnswers, type PrecheckProfile } from "~/utils/legal-precheck";

type Answers = Record<string, unknown>;

const numberOf = (answers: Answers, id: string): number | null => (typeof answers[id] === "number" ? (answers[id] as number) : null);

/** The answers the legal criteria read, from an assessment's stored answers ("n/a" and the unanswered read as null). */
export function precheckAnswersOf(answers: Answers): PrecheckAnswers {
  const mission = answers["si_primary_mission"];
  return {
    primaryMission: typeof mission === "string" && mission !== "n/a" ? mission : null,
    staffVulnerableShare: numberOf(answers, "in_staff_vulnerable"),
    beneficiariesVulnerable: numberOf(answers, "si_beneficiaries_vulnerable"),
    beneficiariesDisability: numberOf(answers, "si_beneficiaries_disability"),
  };
}

/**
 * The enterprise's pre-check against its country's law: from the profile and the latest
 * submitted assessment, or the draft when nothing has been submitted yet.
 */
export async function getLegalPrecheck(
  enterprise: Omit<PrecheckProfile, "socialRegisteredOn"> & { id: string; socialRegisteredOn: Date | null },
): Promise<{ precheck: Precheck; assessment: { status: "submitted" | "draft"; date: Date } | null }> {
  const latest =
    (await prisma.assessment.findFirst({
      where: { enterpriseId: enterprise.id, status: "submitted" },
      select: { answers: true, status: true, submittedAt: true, updatedAt: true },
      orderBy: { submittedAt: "desc" },
    })) ??
    (await prisma.assessment.findFirst({
      where: { enterpriseId: enterprise.id, status: "draft" },
      select: { answers: true, status: true, submittedAt: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
    }));
  const profile: PrecheckProfile = {
    ...enterprise,
    socialRegisteredOn: enterprise.socialRegisteredOn ? enterprise.socialRegisteredOn.toISOString().slice(0, 10) : null,
  };
  const answers = latest ? precheckAnswersOf((latest.answers ?? {}) as Answers) : null;
  return {
    precheck: precheckEnterprise(profile, answers),
    assessment: latest
      ? { status: latest.status === "submitted" ? "submitted" : "draft", date: latest.submittedAt ?? latest.updatedAt }
      : null,
  };
}
