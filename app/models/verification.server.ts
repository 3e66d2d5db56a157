import { applicableQuestions, scoreAssessment, type AnswerValue, type Answers, type ScoreResult } from "../../scoring";
import type { Prisma } from "~/generated/prisma/client";
import { methodologyOf, scoringContext } from "~/models/assessment.server";
import { notifyVerificationStep } from "~/models/notification.server";
import { refreshRatingFacts } from "~/models/sector.server";
import { parseSection, type Evidence, type QuestionError } from "~/utils/assessment-form.server";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, prisma, type Db } from "~/utils/db.server";
import { deleteEvidenceFile, type StoredUpload } from "~/utils/evidence-files.server";
import { userCan } from "~/utils/permissions.server";
import { trustLabel } from "~/utils/trust";

export type Decision = { decision: "accepted"; at: string } | { decision: "changed"; value: AnswerValue; reason: string; at: string };
export type Decisions = Record<string, Decision>;

/** Files and links a question may carry, each. */
export const EVIDENCE_ITEMS_MAX = 10;
export const REASON_MAX = 2000;
export const MESSAGE_MAX = 4000;
export const ORGANISATION_MAX = 120;

function logEvent(
  db: Db,
  {
    assessmentId,
    actorId,
    action,
    detail = {},
  }: { assessmentId: string; actorId: string | null; action: string; detail?: Record<string, unknown> },
) {
  return db.verificationEvent.create({
    data: { assessmentId, actorId, action, detail: detail as Prisma.InputJsonValue },
    select: { id: true },
  });
}

/** The answers after the verifier's changes: the self-assessed ones, with each changed answer replaced. */
export function verifiedAnswers(answers: Answers, decisions: Decisions): Answers {
  const next: Record<string, AnswerValue> = { ...answers };
  for (const [questionId, decision] of Object.entries(decisions)) if (decision.decision === "changed") next[questionId] = decision.value;
  return next;
}

export function getVerification(assessmentId: string) {
  return prisma.verification
    .findUnique({
      where: { assessmentId },
      select: {
        id: true,
        status: true,
        requestedAt: true,
        takenAt: true,
        completedAt: true,
        decisions: true,
        result: true,
        organisation: true,
        verifierId: true,
        verifier: { select: { displayName: true, organisation: true } },
        requestedBy: { select: { displayName: true } },
      },
    })
    .then((row) => (row ? { ...row, decisions: row.decisions as Decisions, result: row.result as ScoreResult | null } : null));
}

/** Evidence files and links of an assessment, by question. */
export function listEvidence(assessmentId: string) {
  return prisma.evidenceItem.findMany({
    where: { assessmentId },
    select: {
      id: true,
      questionId: true,
      kind: true,
      url: true,
      fileName: true,
      contentType: true,
      size: true,
      createdAt: true,
      uploadedBy: { select: { displayName: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function listMessages(assessmentId: string) {
  return prisma.verificationMessage.findMany({
    where: { assessmentId },
    select: { id: true, body: true, createdAt: true, author: { select: { displayName: true, organisation: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The log of every step, oldest first. */
export async function listVerificationLog(assessmentId: string) {
  const rows = await prisma.verificationEvent.findMany({
    where: { assessmentId },
    select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { displayName: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...row, id: row.id.toString(), detail: row.detail as Record<string, string | number | null> }));
}

export type VerificationError =
  | "not_submitted"
  | "already_requested"
  | "closed"
  | "too_many"
  | "not_found"
  | "taken"
  | "member_conflict"
  | "no_organisation"
  | "not_yours"
  | "undecided"
  | "missing_answers"
  | "same_answer"
  | "not_in_review"
  | "completed_no_release"
  | "forbidden"
  | "not_applicable"
  | "nothing_to_accept";

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; error: VerificationError; missing?: string[] };

/** The owner (not another member) asks for the submitted assessment to be verified; once per assessment. */
export async function requestVerification({
  assessmentId,
  userId,
  role,
}: {
  assessmentId: string;
  userId: string;
  role: "owner" | "member";
}): Promise<Outcome> {
  if (role !== "owner") return { ok: false, error: "forbidden" };
  return prisma.$transaction(async (tx) => {
    const assessment = await tx.assessment.findUnique({
      where: { id: assessmentId },
      select: { status: true, verification: { select: { id: true } } },
    });
    if (!assessment || assessment.status !== "submitted") return { ok: false, error: "not_submitted" } as const;
    if (assessment.verification) return { ok: false, error: "already_requested" } as const;
    try {
      await tx.verification.create({ data: { assessmentId, requestedById: userId }, select: { id: true } });
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, error: "already_requested" } as const;
      throw error;
    }
    await logEvent(tx, { assessmentId, actorId: userId, action: "requested" });
    return { ok: true } as const;
  });
}

/**
 * Evidence may be added to a submitted assessment until its verification is completed, and only
 * for a question that applies to its answers.
 */
async function evidenceOpen(db: Db, assessmentId: string, questionId?: string) {
  const row = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: { status: true, methodologyVersion: true, answers: true, legalForm: true, verification: { select: { status: true } } },
  });
  if (!row || row.status !== "submitted") return "not_submitted" as const;
  if (row.verification?.status === "completed") return "closed" as const;
  if (
    questionId !== undefined &&
    !applicableQuestions(methodologyOf(row.methodologyVersion), row.answers as Answers, scoringContext(row)).some(
      (q) => q.id === questionId,
    )
  ) {
    return "not_applicable" as const;
  }
  return null;
}

/** Keeps an uploaded file as evidence for one question, or deletes it and says why not. */
export async function addEvidenceFile({
  assessmentId,
  questionId,
  userId,
  upload,
}: {
  assessmentId: string;
  questionId: string;
  userId: string;
  upload: StoredUpload;
}): Promise<Outcome> {
  const problem = await evidenceOpen(prisma, assessmentId, questionId);
  const count = await prisma.evidenceItem.count({ where: { assessmentId, questionId } });
  if (problem || count >= EVIDENCE_ITEMS_MAX) {
    await deleteEvidenceFile(upload.storageName);
    return { ok: false, error: problem ?? "too_many" };
  }
  await prisma.$transaction(async (tx) => {
    await tx.evidenceItem.create({
      data: {
        assessmentId,
        questionId,
        kind: "file",
        fileName: upload.fileName,
        storageName: upload.storageName,
        contentType: upload.contentType,
        size: upload.size,
        uploadedById: userId,
      },
      select: { id: true },
    });
    await logEvent(tx, {
      assessmentId,
      actorId: userId,
      action: "file_added",
      detail: { questionId, fileName: upload.fileName, type: upload.type, size: upload.size },
    });
    await notifyVerificationStep(tx, { assessmentId, step: "evidence", actorId: userId, evidence: upload.fileName });
  });
  return { ok: true };
}

export async function addEvidenceLink({
  assessmentId,
  questionId,
  userId,
  url,
}: {
  assessmentId: string;
  questionId: string;
  userId: string;
  url: string;
}): Promise<Outcome> {
  const problem = await evidenceOpen(prisma, assessmentId, questionId);
  if (problem) return { ok: false, error: problem };
  if ((await prisma.evidenceItem.count({ where: { assessmentId, questionId } })) >= EVIDENCE_ITEMS_MAX)
    return { ok: false, error: "too_many" };
  await prisma.$transaction(async (tx) => {
    await tx.evidenceItem.create({ data: { assessmentId, questionId, kind: "link", url, uploadedById: userId }, select: { id: true } });
    await logEvent(tx, { assessmentId, actorId: userId, action: "link_added", detail: { questionId, url } });
    await notifyVerificationStep(tx, { assessmentId, step: "evidence", actorId: userId, evidence: url });
  });
  return { ok: true };
}

export async function removeEvidence({
  assessmentId,
  itemId,
  userId,
}: {
  assessmentId: string;
  itemId: string;
  userId: string;
}): Promise<Outcome> {
  const problem = await evidenceOpen(prisma, assessmentId);
  if (problem) return { ok: false, error: problem };
  const item = await prisma.evidenceItem.findFirst({
    where: { id: itemId, assessmentId },
    select: { id: true, questionId: true, storageName: true, fileName: true, url: true },
  });
  if (!item) return { ok: false, error: "not_found" };
  await prisma.$transaction(async (tx) => {
    await tx.evidenceItem.delete({ where: { id: item.id }, select: { id: true } });
    await logEvent(tx, {
      assessmentId,
      actorId: userId,
      action: "evidence_removed",
      detail: { questionId: item.questionId, fileName: item.fileName, url: item.url },
    });
  });
  if (item.storageName) await deleteEvidenceFile(item.storageName);
  return { ok: true };
}

/** An evidence file with what decides who may fetch it. */
export function getEvidenceFile(id: string) {
  return prisma.evidenceItem.findFirst({
    where: { id, kind: "file" },
    select: {
      storageName: true,
      fileName: true,
      contentType: true,
      assessment: { select: { enterpriseId: true, verification: { select: { verifierId: true } } } },
    },
  });
}

export async function addMessage({ assessmentId, authorId, body }: { assessmentId: string; authorId: string; body: string }) {
  await prisma.$transaction(async (tx) => {
    await tx.verificationMessage.create({ data: { assessmentId, authorId, body }, select: { id: true } });
    await logEvent(tx, { assessmentId, actorId: authorId, action: "message" });
    // The verifier's message goes to the enterprise; anyone else's to the verifier holding the review.
    const verification = await tx.verification.findUnique({ where: { assessmentId }, select: { verifierId: true } });
    const fromVerifier = verification?.verifierId === authorId;
    await notifyVerificationStep(tx, { assessmentId, step: fromVerifier ? "message" : "member_message", actorId: authorId, quote: body });
  });
}

/** Verifications waiting for a verifier, oldest request first, and those the verifier is working on. */
export async function listQueue({ country, verifierId }: { country?: string; verifierId: string | null }) {
  const enterpriseWhere = country ? { country } : {};
  const select = {
    id: true,
    status: true,
    requestedAt: true,
    takenAt: true,
    verifier: { select: { displayName: true } },
    assessment: {
      select: {
        id: true,
        methodologyVersion: true,
        submittedAt: true,
        enterprise: { select: { name: true, slug: true, country: true, sector: true } },
      },
    },
  } as const;
  const [waiting, inReview] = await Promise.all([
    prisma.verification.findMany({
      where: { status: "requested", assessment: { enterprise: enterpriseWhere } },
      select,
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
    prisma.verification.findMany({
      where: { status: "in_review", ...(verifierId ? { verifierId } : {}), assessment: { enterprise: enterpriseWhere } },
      select,
      orderBy: [{ takenAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
  ]);
  return { waiting, inReview };
}

/** How many requests wait for a verifier, and how many this verifier has taken and not yet finished. */
export async function countQueue(verifierId: string) {
  const waiting = await prisma.verification.count({ where: { status: "requested" } });
  const inReview = await prisma.verification.count({ where: { status: "in_review", verifierId } });
  return { waiting, inReview };
}

export const COMPLETED_PAGE_SIZE = 25;

/** Completed reviews, newest first: the verifier's own, or everyone's (`verifierId` null), a page at a time (the last one when `page` is past it). */
export async function listCompletedReviews({ country, verifierId, page }: { country?: string; verifierId: string | null; page: number }) {
  const where = {
    status: "completed" as const,
    ...(verifierId ? { verifierId } : {}),
    ...(country ? { assessment: { enterprise: { country } } } : {}),
  };
  const total = await prisma.verification.count({ where });
  const pages = Math.max(1, Math.ceil(total / COMPLETED_PAGE_SIZE));
  const shown = Math.min(page, pages);
  const reviews = await prisma.verification.findMany({
    where,
    select: {
      id: true,
      completedAt: true,
      overall: true,
      organisation: true,
      verifier: { select: { displayName: true } },
      assessment: { select: { enterprise: { select: { name: true, country: true } } } },
    },
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    skip: (shown - 1) * COMPLETED_PAGE_SIZE,
    take: COMPLETED_PAGE_SIZE,
  });
  return { reviews, total, page: shown, pages };
}

/** The verification with its assessment and enterprise, for the review page. */
export async function getReview(id: string) {
  const row = await prisma.verification.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      verifierId: true,
      requestedAt: true,
      takenAt: true,
      completedAt: true,
      organisation: true,
      decisions: true,
      result: true,
      assessment: {
        select: {
          id: true,
          methodologyVersion: true,
          legalForm: true,
          answers: true,
          evidence: true,
          result: true,
          submittedAt: true,
          enterprise: { select: { id: true, name: true, slug: true, country: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...row,
    decisions: row.decisions as Decisions,
    result: row.result as ScoreResult | null,
    assessment: {
      ...row.assessment,
      answers: row.assessment.answers as Answers,
      evidence: row.assessment.evidence as Evidence,
      result: row.assessment.result as unknown as ScoreResult,
    },
  };
}

/**
 * A verifier takes a waiting verification. Only one verifier at a time: the row changes only
 * while it is still waiting. A member of the enterprise may not verify it, and a verifier
 * needs an organisation, shown beside every rating they verify.
 */
export async function takeVerification({ id, verifierId }: { id: string; verifierId: string }): Promise<Outcome> {
  const verification = await prisma.verification.findUnique({
    where: { id },
    select: { status: true, assessmentId: true, assessment: { select: { enterpriseId: true } } },
  });
  if (!verification) return { ok: false, error: "not_found" };
  const verifier = await prisma.user.findUnique({ where: { id: verifierId }, select: { organisation: true } });
  if (!verifier?.organisation?.trim()) return { ok: false, error: "no_organisation" };
  const membership = await prisma.enterpriseMember.findUnique({
    where: { enterpriseId_userId: { enterpriseId: verification.assessment.enterpriseId, userId: verifierId } },
    select: { role: true },
  });
  if (membership) return { ok: false, error: "member_conflict" };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.verification.updateMany({
      where: { id, status: "requested", verifierId: null },
      data: { status: "in_review", verifierId, takenAt: new Date() },
    });
    if (count === 0) return { ok: false, error: "taken" } as const;
    await logEvent(tx, {
      assessmentId: verification.assessmentId,
      actorId: verifierId,
      action: "taken",
      detail: { organisation: verifier.organisation },
    });
    await notifyVerificationStep(tx, { assessmentId: verification.assessmentId, step: "taken", actorId: verifierId });
    return { ok: true } as const;
  });
}

async function lockVerification(tx: Db, id: string) {
  const rows = await tx.$queryRaw<{ status: string; verifierId: string | null; decisions: Decisions; assessmentId: string }[]>`
    SELECT status::text AS status, "verifierId", decisions, "assessmentId" FROM "Verification" WHERE id = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

async function lockForVerifier(tx: Db, id: string, verifierId: string) {
  const row = await lockVerification(tx, id);
  if (!row) return { error: "not_found" as const };
  if (row.status !== "in_review" || row.verifierId !== verifierId) return { error: "not_yours" as const };
  return { row };
}

/**
 * Hands a verification in review back to the queue, where any verifier may take it. Only the
 * assigned verifier, or an admin (`asAdmin`), may do it, and never once it is completed. The
 * decisions made so far are discarded, so that whoever takes it next decides every answer and
 * answers for them; they stay readable in the log. Evidence and messages are kept.
 */
export async function releaseVerification({ id, actorId, asAdmin }: { id: string; actorId: string; asAdmin: boolean }): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const row = await lockVerification(tx, id);
    if (!row) return { ok: false, error: "not_found" } as const;
    if (row.status === "completed") return { ok: false, error: "completed_no_release" } as const;
    if (!asAdmin && row.verifierId !== actorId) return { ok: false, error: "not_yours" } as const;
    if (row.status !== "in_review") return { ok: false, error: "not_in_review" } as const;
    const verifier = row.verifierId ? await tx.user.findUnique({ where: { id: row.verifierId }, select: { displayName: true } }) : null;
    await tx.verification.update({
      where: { id },
      data: { status: "requested", verifierId: null, takenAt: null, decisions: {} },
      select: { id: true },
    });
    await logEvent(tx, {
      assessmentId: row.assessmentId,
      actorId,
      action: "released",
      detail: { verifier: verifier?.displayName ?? "—", decisions: Object.keys(row.decisions).length },
    });
    await notifyVerificationStep(tx, { assessmentId: row.assessmentId, step: "released", actorId });
    return { ok: true } as const;
  });
}

/** Records the verifier's decision on one answer: accepted as given, or changed (with a reason). */
export async function decideAnswer({
  id,
  verifierId,
  questionId,
  change,
  selfAnswer,
}: {
  id: string;
  verifierId: string;
  questionId: string;
  change: { value: AnswerValue; reason: string } | null;
  selfAnswer: AnswerValue | undefined;
}): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockForVerifier(tx, id, verifierId);
    if ("error" in locked) return { ok: false, error: locked.error! } as const;
    const { row } = locked;
    const at = new Date().toISOString();
    const previous = row.decisions[questionId];
    const decision: Decision = change
      ? { decision: "changed", value: change.value, reason: change.reason, at }
      : { decision: "accepted", at };
    await tx.verification.update({
      where: { id },
      data: { decisions: { ...row.decisions, [questionId]: decision } as Prisma.InputJsonValue },
      select: { id: true },
    });
    await logEvent(tx, {
      assessmentId: row.assessmentId,
      actorId: verifierId,
      action: change ? "answer_changed" : "answer_accepted",
      detail: change
        ? { questionId, from: JSON.stringify(selfAnswer ?? null), to: JSON.stringify(change.value), reason: change.reason }
        : { questionId, ...(previous?.decision === "changed" ? { from: JSON.stringify(previous.value) } : {}) },
    });
    return { ok: true } as const;
  });
}

/** Accepts, in one step, every applicable answer the verifier has not decided on yet. */
export async function acceptRemaining({ id, verifierId }: { id: string; verifierId: string }): Promise<Outcome<{ accepted: number }>> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockForVerifier(tx, id, verifierId);
    if ("error" in locked) return { ok: false, error: locked.error! } as const;
    const { row } = locked;
    const assessment = await tx.assessment.findUniqueOrThrow({
      where: { id: row.assessmentId },
      select: { answers: true, methodologyVersion: true, legalForm: true },
    });
    const methodology = methodologyOf(assessment.methodologyVersion);
    const answers = verifiedAnswers(assessment.answers as Answers, row.decisions);
    const at = new Date().toISOString();
    const next: Decisions = { ...row.decisions };
    const accepted: string[] = [];
    for (const question of applicableQuestions(methodology, answers, scoringContext(assessment))) {
      if (next[question.id] || answers[question.id] === undefined) continue;
      next[question.id] = { decision: "accepted", at };
      accepted.push(question.id);
    }
    await tx.verification.update({ where: { id }, data: { decisions: next as Prisma.InputJsonValue }, select: { id: true } });
    await logEvent(tx, {
      assessmentId: row.assessmentId,
      actorId: verifierId,
      action: "answers_accepted",
      detail: { count: accepted.length, questions: accepted.join(", ") },
    });
    return { ok: true, accepted: accepted.length } as const;
  });
}

/**
 * Completes the review: the verified answers are scored with the assessment's own methodology
 * version and the result is stored beside the self-assessed one; the public rating and the
 * sector figures use it from then on.
 */
export async function completeVerification({
  id,
  verifierId,
}: {
  id: string;
  verifierId: string;
}): Promise<Outcome<{ result: ScoreResult }>> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockForVerifier(tx, id, verifierId);
    if ("error" in locked) return { ok: false, error: locked.error! } as const;
    const { row } = locked;
    const assessment = await tx.assessment.findUniqueOrThrow({
      where: { id: row.assessmentId },
      select: { answers: true, methodologyVersion: true, legalForm: true, enterpriseId: true, overall: true },
    });
    const methodology = methodologyOf(assessment.methodologyVersion);
    const answers = verifiedAnswers(assessment.answers as Answers, row.decisions);
    const context = scoringContext(assessment);
    const applicable = applicableQuestions(methodology, answers, context);
    const missing = applicable.filter((q) => answers[q.id] === undefined).map((q) => q.id);
    if (missing.length) return { ok: false, error: "missing_answers", missing } as const;
    const undecided = applicable.filter((q) => !row.decisions[q.id]).map((q) => q.id);
    if (undecided.length) return { ok: false, error: "undecided", missing: undecided } as const;
    const result = scoreAssessment(methodology, answers, context);
    const verifier = await tx.user.findUniqueOrThrow({ where: { id: verifierId }, select: { organisation: true } });
    await tx.verification.update({
      where: { id },
      data: {
        status: "completed",
        completedAt: new Date(),
        result: result as unknown as Prisma.InputJsonValue,
        overall: result.overall,
        tier: result.tier,
        eligible: result.eligible,
        organisation: verifier.organisation,
      },
      select: { id: true },
    });
    const changed = Object.values(row.decisions).filter((d) => d.decision === "changed").length;
    await logEvent(tx, {
      assessmentId: row.assessmentId,
      actorId: verifierId,
      action: "completed",
      detail: {
        selfOverall: assessment.overall,
        verifiedOverall: result.overall,
        tier: result.tier,
        changed,
        organisation: verifier.organisation,
      },
    });
    await refreshRatingFacts(assessment.enterpriseId, tx);
    await notifyVerificationStep(tx, { assessmentId: row.assessmentId, step: "completed", actorId: verifierId });
    return { ok: true, result } as const;
  });
}

export function getOrganisation(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { organisation: true } });
}

export async function setOrganisation({ userId, organisation }: { userId: string; organisation: string | null }) {
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { organisation } });
  return count === 1;
}

// ---------------------------------------------------------------------------------------------
// The review page: who may open it, what each person may do there, and what it shows

export type Review = NonNullable<Awaited<ReturnType<typeof getReview>>>;
type Reviewer = Pick<SessionUser, "id" | "roles">;

/**
 * What a person may do with a review. Its assigned verifier reviews it: decides the answers,
 * completes it, writes to the enterprise and may hand it back. An admin may read any review and
 * hand one back on the verifier's behalf, but decides nothing. Nobody else may open it.
 */
export function reviewAccess(review: Pick<Review, "verifierId" | "status">, user: Reviewer) {
  const assigned = review.verifierId === user.id && userCan(user, "verify:assessments");
  const handsBackAsAdmin = userCan(user, "release:verifications:any");
  const inReview = review.status === "in_review";
  return {
    mayRead: assigned || userCan(user, "read:verifications:any"),
    assigned,
    handsBackAsAdmin,
    /** The answers may be decided now. */
    mayDecide: assigned && inReview,
    /** The review may be handed back now. */
    mayHandBack: inReview && (assigned || handsBackAsAdmin),
  };
}

export type ReviewAccess = ReturnType<typeof reviewAccess>;

/** The review `id` with what `user` may do there, or why they may not open it. */
export async function openReview({ id, user }: { id: string; user: Reviewer }) {
  const review = await getReview(id);
  if (!review) return { ok: false, refusal: "not_found" } as const;
  const access = reviewAccess(review, user);
  if (!access.mayRead) return { ok: false, refusal: "forbidden" } as const;
  return { ok: true, review, access } as const;
}

/** Whether this person may ask for `intent` on the review at all: handing back is also an admin's, everything else only the assigned verifier's. */
export function mayActOnReview(access: ReviewAccess, intent: string) {
  return intent === "release" ? access.assigned || access.handsBackAsAdmin : access.assigned;
}

function isApplicable(review: Review, questionId: string) {
  const methodology = methodologyOf(review.assessment.methodologyVersion);
  return applicableQuestions(
    methodology,
    verifiedAnswers(review.assessment.answers, review.decisions),
    scoringContext(review.assessment),
  ).some((q) => q.id === questionId);
}

/** The verifier accepts the enterprise's own answer to a question that applies. */
export async function acceptAnswer({
  review,
  verifierId,
  questionId,
}: {
  review: Review;
  verifierId: string;
  questionId: string;
}): Promise<Outcome> {
  if (!isApplicable(review, questionId)) return { ok: false, error: "not_applicable" };
  const selfAnswer = review.assessment.answers[questionId];
  if (selfAnswer === undefined) return { ok: false, error: "nothing_to_accept" };
  return decideAnswer({ id: review.id, verifierId, questionId, change: null, selfAnswer });
}

export type ChangedAnswerRefusal =
  { reason: "not_applicable" } | { reason: "no_answer" } | { reason: "same_answer" } | { reason: "invalid_answer"; code: QuestionError };

/**
 * Reads the answer a verifier typed for one question the way the questionnaire reads answers
 * (checked with the methodology and against the other answers): the answer to save, or why it
 * cannot be. An answer the enterprise gave already is to be accepted, not changed.
 */
export function readChangedAnswer({
  review,
  questionId,
  values,
  notApplicable,
}: {
  review: Review;
  questionId: string;
  values: string[];
  notApplicable: boolean;
}): { ok: true; value: AnswerValue } | { ok: false; refusal: ChangedAnswerRefusal } {
  if (!isApplicable(review, questionId)) return { ok: false, refusal: { reason: "not_applicable" } };
  const typed = new FormData();
  typed.append("shown", questionId);
  for (const value of values) typed.append(`q.${questionId}`, value);
  if (notApplicable) typed.append(`na.${questionId}`, "on");
  const methodology = methodologyOf(review.assessment.methodologyVersion);
  const parsed = parseSection(
    typed,
    methodology,
    verifiedAnswers(review.assessment.answers, review.decisions),
    scoringContext(review.assessment),
  );
  const code = parsed.errors[questionId];
  if (code) return { ok: false, refusal: { reason: "invalid_answer", code } };
  const value = parsed.answers[questionId];
  if (value === undefined) return { ok: false, refusal: { reason: "no_answer" } };
  if (JSON.stringify(value) === JSON.stringify(review.assessment.answers[questionId] ?? null))
    return { ok: false, refusal: { reason: "same_answer" } };
  return { ok: true, value };
}

/** The verifier changes the answer to one question (read with readChangedAnswer), saying why. */
export function changeAnswer({
  review,
  verifierId,
  questionId,
  value,
  reason,
}: {
  review: Review;
  verifierId: string;
  questionId: string;
  value: AnswerValue;
  reason: string;
}) {
  return decideAnswer({
    id: review.id,
    verifierId,
    questionId,
    change: { value, reason },
    selfAnswer: review.assessment.answers[questionId],
  });
}

/** Hands a review back to the queue, if this person may: its verifier, or an admin (see releaseVerification). */
export async function handBackReview({ review, user }: { review: Review; user: Reviewer }): Promise<Outcome> {
  const access = reviewAccess(review, user);
  if (!mayActOnReview(access, "release")) return { ok: false, error: "forbidden" };
  return releaseVerification({ id: review.id, actorId: user.id, asAdmin: access.handsBackAsAdmin });
}

/** What the review page shows: every applicable question with both answers, the decision, the enterprise's notes and evidence, the messages and the log. */
export async function getReviewView({ review, access }: { review: Review; access: ReviewAccess }) {
  const methodology = methodologyOf(review.assessment.methodologyVersion);
  const answers = verifiedAnswers(review.assessment.answers, review.decisions);
  const [evidence, messages, log] = await Promise.all([
    listEvidence(review.assessment.id),
    listMessages(review.assessment.id),
    listVerificationLog(review.assessment.id),
  ]);
  const notes = review.assessment.evidence;
  const questions = applicableQuestions(methodology, answers, scoringContext(review.assessment));
  return {
    enterpriseName: review.assessment.enterprise.name,
    canEdit: access.mayDecide,
    canRelease: access.mayHandBack,
    status: review.status,
    enterprise: review.assessment.enterprise,
    methodologyVersion: methodology.version,
    submittedAt: review.assessment.submittedAt,
    completedAt: review.completedAt,
    selfOverall: review.assessment.result.overall,
    verifiedOverall: review.result?.overall ?? null,
    decided: questions.filter((q) => review.decisions[q.id]).length,
    dimensions: methodology.dimensions.map((d) => ({ id: d.id, label: d.label })),
    questions: questions.map((q) => ({
      question: q,
      selfAnswer: review.assessment.answers[q.id] ?? null,
      verifiedAnswer: answers[q.id] ?? null,
      decision: review.decisions[q.id] ?? null,
      note: notes[q.id]?.note ?? null,
      links: notes[q.id]?.links ?? [],
      evidence: evidence.filter((e) => e.questionId === q.id).map((e) => ({ ...e, href: e.kind === "file" ? `/evidence/${e.id}` : e.url })),
    })),
    messages,
    log,
  };
}

// ---------------------------------------------------------------------------------------------
// The enterprise's verification page

/**
 * What an enterprise's verification page shows of a submitted assessment: the questions evidence
 * may support, the verification's state and, once it is completed, what it changed (each answer
 * with the verifier's reason, and the scores before and after); the evidence, messages and log.
 */
export async function getEvidencePageView(assessment: {
  id: string;
  methodologyVersion: string;
  legalForm: string | null;
  answers: Answers;
  result: ScoreResult;
}) {
  const methodology = methodologyOf(assessment.methodologyVersion);
  const [verification, evidence, messages, log] = await Promise.all([
    getVerification(assessment.id),
    listEvidence(assessment.id),
    listMessages(assessment.id),
    listVerificationLog(assessment.id),
  ]);
  const selfResult = assessment.result;
  const verifiedResult = verification?.status === "completed" ? verification.result : null;
  const verified = verification ? verifiedAnswers(assessment.answers, verification.decisions) : assessment.answers;
  const questionById = new Map(methodology.questions.map((q) => [q.id, q]));
  return {
    questions: applicableQuestions(methodology, assessment.answers, scoringContext(assessment)).map((q) => ({ id: q.id, text: q.text })),
    verification: verification
      ? {
          status: verification.status,
          requestedAt: verification.requestedAt,
          completedAt: verification.completedAt,
          organisation: verification.organisation ?? verification.verifier?.organisation ?? null,
          trust: verification.completedAt ? trustLabel(verification.completedAt) : null,
          changes: Object.entries(verification.decisions)
            .filter(([, d]) => d.decision === "changed")
            .map(([questionId, d]) => {
              const q = questionById.get(questionId)!;
              return {
                questionId,
                text: q.text,
                beforeValue: assessment.answers[questionId] ?? null,
                afterValue: verified[questionId] ?? null,
                reason: d.decision === "changed" ? d.reason : "",
                options: q.options ?? null,
                unit: q.unit ?? null,
              };
            }),
        }
      : null,
    difference: verifiedResult
      ? {
          overall: { self: selfResult.overall, verified: verifiedResult.overall },
          tier: { self: selfResult.tier, verified: verifiedResult.tier },
          dimensions: methodology.dimensions.map((d) => ({
            id: d.id,
            label: d.label,
            self: selfResult.dimensions.find((x) => x.id === d.id)?.score ?? 0,
            verified: verifiedResult.dimensions.find((x) => x.id === d.id)?.score ?? 0,
          })),
          tiers: methodology.tiers.map((x) => ({ id: x.id, label: x.label })),
        }
      : null,
    evidence: evidence.map((item) => ({ ...item, href: item.kind === "file" ? `/evidence/${item.id}` : item.url })),
    messages,
    log,
  };
}
