import { isDeepStrictEqual } from "node:util";
import {
  applicableQuestions,
  asksLegalFormGroup,
  currentMethodology,
  explainPoints,
  findMethodology,
  legalFormGroupOf,
  wordingGroup,
  percentileRank,
  scoreAssessment,
  validateAnswer,
  type AnswerValue,
  type Answers,
  type Methodology,
  type PointsReason,
  type Question,
  type ScoreResult,
  type ScoringContext,
} from "../../scoring";
import type { Params } from "@remix-run/react";
import type { Prisma } from "~/generated/prisma/client";
import { requireEnterpriseMember } from "~/models/enterprise.server";
import { VERIFICATION_FACTS_SELECT, verifiedOrSelfAssessed } from "~/models/rating.server";
import { refreshRatingFacts } from "~/models/sector.server";
import { verifiedAnswers, type Decisions } from "~/models/verification.server";
import type { Evidence } from "~/utils/assessment-form.server";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma } from "~/utils/db.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { sizeBand } from "~/utils/reference-data";

export const MIN_PEERS = 5;

export function methodologyOf(version: string): Methodology {
  const methodology = findMethodology(version);
  if (!methodology) throw new Error(`Unknown methodology version ${version}`);
  return methodology;
}

/** What scoring is told of an assessment besides its answers: the group of the legal form it is taken with. */
export function scoringContext(assessment: { legalForm: string | null }): ScoringContext {
  return { legalFormGroup: legalFormGroupOf(assessment.legalForm) };
}

const ASSESSMENT_SELECT = {
  id: true,
  enterpriseId: true,
  methodologyVersion: true,
  legalForm: true,
  status: true,
  answers: true,
  evidence: true,
  revision: true,
  result: true,
  overall: true,
  tier: true,
  eligible: true,
  published: true,
  publishedAt: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function getAssessment({ id, enterpriseId }: { id: string; enterpriseId: string }) {
  const row = await prisma.assessment.findFirst({ where: { id, enterpriseId }, select: ASSESSMENT_SELECT });
  if (!row) return null;
  return {
    ...row,
    answers: row.answers as Answers,
    evidence: row.evidence as Evidence,
    result: row.result as ScoreResult | null,
  };
}

export type AssessmentRecord = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;

/** The assessment behind the URL (`slug` and `id`), for members of its enterprise (and admins) only. */
export async function requireAssessmentMember(user: SessionUser, params: Params, options: { ownerOnly?: boolean } = {}) {
  const { enterprise, role } = await requireEnterpriseMember(user, params.slug, options);
  const assessment = await getAssessment({ id: requireIdParam(params), enterpriseId: enterprise.id });
  if (!assessment) notFound();
  return { enterprise, role, assessment };
}

export function getDraft(enterpriseId: string) {
  return prisma.assessment.findFirst({ where: { enterpriseId, status: "draft" }, select: { id: true } });
}

/** Only answers the methodology accepts survive a copy from an earlier assessment. */
function carryOver(methodology: Methodology, answers: Answers): Answers {
  const kept: Record<string, AnswerValue> = {};
  for (const question of methodology.questions) {
    const value = answers[question.id];
    if (value !== undefined && validateAnswer(question, value) === null) kept[question.id] = value;
  }
  return kept;
}

/** Opens the enterprise's draft, or starts one with the current methodology (pre-filled from the last submission when asked). */
export async function startAssessment({ enterpriseId, userId, prefill }: { enterpriseId: string; userId: string; prefill: boolean }) {
  const existing = await getDraft(enterpriseId);
  if (existing) return existing;
  let answers: Answers = {};
  let evidence: Evidence = {};
  if (prefill) {
    const last = await prisma.assessment.findFirst({
      where: { enterpriseId, status: "submitted" },
      orderBy: { submittedAt: "desc" },
      select: { answers: true, evidence: true, verification: { select: { status: true, decisions: true } } },
    });
    if (last) {
      // A verified assessment is copied as the verifier left it: their changes are the true answers.
      const lastAnswers =
        last.verification?.status === "completed"
          ? verifiedAnswers(last.answers as Answers, last.verification.decisions as Decisions)
          : (last.answers as Answers);
      answers = carryOver(currentMethodology, lastAnswers);
      evidence = last.evidence as Evidence;
    }
  }
  const enterprise = await prisma.enterprise.findUnique({ where: { id: enterpriseId }, select: { legalForm: true } });
  try {
    return await prisma.assessment.create({
      data: {
        enterpriseId,
        methodologyVersion: currentMethodology.version,
        legalForm: enterprise?.legalForm ?? null,
        answers: answers as Prisma.InputJsonValue,
        evidence: evidence as Prisma.InputJsonValue,
        createdById: userId,
      },
      select: { id: true },
    });
  } catch (error) {
    // Two starts at once: the partial unique index lets one draft through; use it.
    if (isUniqueViolation(error)) return (await getDraft(enterpriseId))!;
    throw error;
  }
}

/** One question of a submitted assessment as its results explain it: the answer, the rule that applied and its points. */
export interface ResultRow {
  questionId: string;
  answer: AnswerValue | undefined;
  reason: PointsReason;
  /** Out of what it could earn; null when the question does not count (not applicable, or worth no points). */
  possible: number | null;
  /** The verifier changed this answer. */
  changedByVerifier: boolean;
  /** The group of legal forms whose own words the question was asked in, if any. */
  wording?: string | null;
}

/**
 * What an enterprise's members read of one of its submitted assessments: once its verification
 * is completed, the answers as the verifier left them and the verified result, with the trust
 * label the public sees (verified, or expired); the self-assessed ones otherwise. Every question
 * that applies to those answers gets a row saying why it earned its points, and every question
 * not asked of the assessment's legal form a row saying so; follow-ups that do not apply get none.
 */
export async function getResultAsShown(
  assessment: Pick<AssessmentRecord, "id" | "answers" | "methodologyVersion" | "legalForm"> & { result: ScoreResult },
) {
  const verification = await prisma.verification.findUnique({
    where: { assessmentId: assessment.id },
    select: { ...VERIFICATION_FACTS_SELECT, result: true, decisions: true },
  });
  const completed = verification?.status === "completed";
  const decisions = (completed ? verification.decisions : {}) as Decisions;
  const answers = completed ? verifiedAnswers(assessment.answers, decisions) : assessment.answers;
  const shown = verifiedOrSelfAssessed({ result: assessment.result as unknown }, verification);
  const methodology = methodologyOf(assessment.methodologyVersion);
  const context = scoringContext(assessment);
  const applicable = new Set(applicableQuestions(methodology, answers, context));
  const notForForm = (question: Question): ResultRow => ({
    questionId: question.id,
    answer: undefined,
    reason: { rule: "not_for_legal_form", points: 0 },
    possible: null,
    changedByVerifier: false,
  });
  const shownQuestions = methodology.questions.filter((q) => applicable.has(q) || !asksLegalFormGroup(q, context.legalFormGroup));
  const rows: ResultRow[] = shownQuestions.map((question) => {
    if (!applicable.has(question)) return notForForm(question);
    const answer = answers[question.id];
    const reason = explainPoints(question, answer);
    const counts = reason.rule !== "not_applicable" && reason.rule !== "not_scored" && reason.rule !== "unanswered";
    return {
      questionId: question.id,
      answer,
      reason,
      possible: counts ? question.maxPoints : null,
      changedByVerifier: decisions[question.id]?.decision === "changed",
      wording: wordingGroup(question, context.legalFormGroup),
    };
  });
  return { result: shown.result as ScoreResult, answers, trust: shown.trust, rows };
}

export type SaveResult = { saved: true; revision: number } | { saved: false; reason: "stale" | "not_draft"; revision: number };

/**
 * Saves answers for some questions (a section, or the fields changed in the background).
 * A save based on an older revision than the stored one is refused, so two tabs never
 * overwrite each other silently: the newer answers stay.
 */
export async function saveAnswers({
  id,
  revision,
  clientId,
  answers,
  cleared,
  evidence,
}: {
  id: string;
  revision: number;
  /** The open page making the save; its own earlier saves never make it stale. */
  clientId: string;
  answers: Answers;
  cleared: string[];
  evidence: Evidence;
}): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { answers: Answers; evidence: Evidence; revision: number; status: string; lastClientId: string | null }[]
    >`
      SELECT answers, evidence, revision, status::text AS status, "lastClientId" FROM "Assessment" WHERE id = ${id} FOR UPDATE`;
    const current = rows[0];
    if (!current) return { saved: false, reason: "not_draft", revision: 0 } as const;
    if (current.status !== "draft") return { saved: false, reason: "not_draft", revision: current.revision } as const;
    if (current.revision !== revision && (!clientId || current.lastClientId !== clientId)) {
      return { saved: false, reason: "stale", revision: current.revision } as const;
    }
    const nextAnswers: Record<string, AnswerValue> = { ...current.answers, ...answers };
    for (const questionId of cleared) delete nextAnswers[questionId];
    const nextEvidence: Evidence = { ...current.evidence, ...evidence };
    for (const [questionId, item] of Object.entries(evidence)) {
      if (!item.note && !item.links?.length) delete nextEvidence[questionId];
    }
    const updated = await tx.assessment.update({
      where: { id },
      data: {
        answers: nextAnswers as Prisma.InputJsonValue,
        evidence: nextEvidence as Prisma.InputJsonValue,
        revision: { increment: 1 },
        lastClientId: clientId,
      },
      select: { revision: true },
    });
    return { saved: true, revision: updated.revision } as const;
  });
}

/** The applicable questions still without an answer: submission waits for them. */
export function missingAnswers(methodology: Methodology, answers: Answers, context: ScoringContext = {}) {
  return applicableQuestions(methodology, answers, context).filter((q) => answers[q.id] === undefined);
}

export type SubmitResult =
  { submitted: true; result: ScoreResult } | { submitted: false; reason: "missing" | "not_draft" | "stale"; missing?: string[] };

/** Locks the answers and stores them with the methodology version and the full result. */
export async function submitAssessment({ id, revision }: { id: string; revision: number }): Promise<SubmitResult> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { answers: Answers; revision: number; status: string; methodologyVersion: string; enterpriseId: string }[]
    >`
      SELECT answers, revision, status::text AS status, "methodologyVersion", "enterpriseId" FROM "Assessment" WHERE id = ${id} FOR UPDATE`;
    const current = rows[0];
    if (!current || current.status !== "draft") return { submitted: false, reason: "not_draft" } as const;
    if (current.revision !== revision) return { submitted: false, reason: "stale" } as const;
    const methodology = methodologyOf(current.methodologyVersion);
    // Taken with the enterprise's legal form as it is at submission, and kept so from then on.
    const enterprise = await tx.enterprise.findUnique({ where: { id: current.enterpriseId }, select: { legalForm: true } });
    const legalForm = enterprise?.legalForm ?? null;
    const context = scoringContext({ legalForm });
    const missing = missingAnswers(methodology, current.answers, context);
    if (missing.length) return { submitted: false, reason: "missing", missing: missing.map((q) => q.id) } as const;
    const result = scoreAssessment(methodology, current.answers, context);
    await tx.assessment.update({
      where: { id },
      data: {
        status: "submitted",
        legalForm,
        submittedAt: new Date(),
        result: result as unknown as Prisma.InputJsonValue,
        overall: result.overall,
        tier: result.tier,
        eligible: result.eligible,
        revision: { increment: 1 },
      },
      select: { id: true },
    });
    await refreshRatingFacts(current.enterpriseId, tx);
    return { submitted: true, result } as const;
  });
}

export function listSubmitted(enterpriseId: string) {
  return prisma.assessment.findMany({
    where: { enterpriseId, status: "submitted" },
    select: { id: true, methodologyVersion: true, overall: true, tier: true, eligible: true, published: true, submittedAt: true },
    orderBy: { submittedAt: "asc" },
  });
}

/** Publishes one submitted rating of the enterprise (and unpublishes the others), or unpublishes it. */
export async function setRatingPublished({ id, enterpriseId, published }: { id: string; enterpriseId: string; published: boolean }) {
  return prisma.$transaction(async (tx) => {
    const target = await tx.assessment.findFirst({ where: { id, enterpriseId, status: "submitted" }, select: { id: true } });
    if (!target) return false;
    if (published) {
      await tx.assessment.updateMany({ where: { enterpriseId, published: true }, data: { published: false } });
      await tx.assessment.update({ where: { id }, data: { published: true, publishedAt: new Date() }, select: { id: true } });
    } else {
      await tx.assessment.update({ where: { id }, data: { published: false }, select: { id: true } });
    }
    await refreshRatingFacts(enterpriseId, tx);
    return true;
  });
}

/** The enterprise's published rating, for its public page: only when the profile is public too. */
export async function getPublishedRating(enterpriseId: string) {
  const row = await prisma.assessment.findFirst({
    where: { enterpriseId, published: true, status: "submitted", enterprise: { status: "published" } },
    select: {
      id: true,
      methodologyVersion: true,
      result: true,
      submittedAt: true,
      publishedAt: true,
      verification: { select: { ...VERIFICATION_FACTS_SELECT, result: true } },
    },
  });
  if (!row) return null;
  const { verification, result, ...rest } = row;
  const shown = verifiedOrSelfAssessed({ result }, verification);
  return { ...rest, result: shown.result as unknown as ScoreResult, trust: shown.trust };
}

export interface PeerGroupComparison {
  group: "country" | "sector" | "size";
  peers: number;
  overall: number | null;
  dimensions: { id: string; percentile: number | null }[];
}

/**
 * Percentiles of a result among the published ratings of enterprises in the same country,
 * sector and size band; a group with fewer than MIN_PEERS peers shows nothing.
 */
export async function peerComparison({
  enterprise,
  result,
}: {
  enterprise: { id: string; country: string; sector: string; employees: number };
  result: ScoreResult;
}): Promise<PeerGroupComparison[]> {
  const band = sizeBand(enterprise.employees);
  const rows = await prisma.assessment.findMany({
    where: {
      published: true,
      status: "submitted",
      enterpriseId: { not: enterprise.id },
      enterprise: { status: "published" },
    },
    select: {
      result: true,
      verification: { select: { ...VERIFICATION_FACTS_SELECT, result: true } },
      enterprise: { select: { country: true, sector: true, employees: true } },
    },
    take: 20_000,
  });
  const groups: { group: PeerGroupComparison["group"]; match: (e: { country: string; sector: string; employees: number }) => boolean }[] = [
    { group: "country", match: (e) => e.country === enterprise.country },
    { group: "sector", match: (e) => e.sector === enterprise.sector },
    { group: "size", match: (e) => sizeBand(e.employees) === band },
  ];
  return groups.map(({ group, match }) => {
    // Peers are compared on what the public sees: verified results where they exist.
    const peers = rows
      .filter((row) => match(row.enterprise))
      .map((row) => verifiedOrSelfAssessed({ result: row.result }, row.verification).result as unknown as ScoreResult);
    if (peers.length < MIN_PEERS) return { group, peers: peers.length, overall: null, dimensions: [] };
    return {
      group,
      peers: peers.length,
      overall: percentileRank(
        result.overall,
        peers.map((p) => p.overall),
      ),
      dimensions: result.dimensions.map((d) => ({
        id: d.id,
        percentile: percentileRank(
          d.score,
          peers.map((p) => p.dimensions.find((x) => x.id === d.id)?.score ?? 0),
        ),
      })),
    };
  });
}

/** Every submitted assessment re-scored with its own methodology version: differences mean a broken promise. */
export async function findRescoringDifferences() {
  const rows = await prisma.assessment.findMany({
    where: { status: "submitted" },
    select: { id: true, methodologyVersion: true, answers: true, result: true, legalForm: true },
  });
  return rows.filter((row) => {
    const again = scoreAssessment(methodologyOf(row.methodologyVersion), row.answers as Answers, scoringContext(row));
    return !isDeepStrictEqual(withoutReasonTexts(again), withoutReasonTexts(row.result as unknown as ScoreResult));
  });
}

// A published methodology's wording may be improved (its rules never change), so a stored result
// is compared by what it scored, not by the words its eligibility reasons were given in.
function withoutReasonTexts(result: ScoreResult) {
  return { ...result, eligibilityReasons: result.eligibilityReasons?.map((reason) => reason.criterion) };
}

/** The ratings an enterprise has made public, newest first. */
export async function listPublicRatingHistory(enterpriseId: string) {
  const rows = await prisma.assessment.findMany({
    where: { enterpriseId, status: "submitted", published: true, enterprise: { status: "published" } },
    select: {
      methodologyVersion: true,
      overall: true,
      tier: true,
      submittedAt: true,
      verification: { select: { ...VERIFICATION_FACTS_SELECT, overall: true, tier: true } },
    },
    orderBy: { submittedAt: "desc" },
  });
  return rows.map(({ verification, overall, tier, ...row }) => ({ ...row, ...verifiedOrSelfAssessed({ overall, tier }, verification) }));
}
