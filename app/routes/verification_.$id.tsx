import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { applicableQuestions, type AnswerValue } from "../../scoring";
import { EvidenceItems } from "~/components/evidence-list";
import { QuestionField } from "~/components/question-field";
import { VerificationLog, VerificationMessages } from "~/components/verification-log";
import { methodologyOf } from "~/models/assessment.server";
import {
  acceptRemaining,
  addMessage,
  completeVerification,
  decideAnswer,
  getReview,
  listEvidence,
  listMessages,
  listVerificationLog,
  releaseVerification,
  verifiedAnswers,
} from "~/models/verification.server";
import { answerText } from "~/utils/answer-text";
import { parseSection } from "~/utils/assessment-form.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { localized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { forbidden, notFound, requireIdParam, userCan } from "~/utils/permissions.server";
import { MessageSchema, ReasonSchema } from "~/utils/verification-validation";
import { dimensionName, questionText } from "~/utils/methodology-text";

async function requireReview(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const review = await getReview(requireIdParam({ id }));
  if (!review) notFound();
  const isAssigned = review.verifierId === user.id && userCan(user, "verify:assessments");
  if (!isAssigned && !userCan(user, "read:verifications:any")) forbidden();
  const canRelease = review.status === "in_review" && (isAssigned || userCan(user, "release:verifications:any"));
  return { user, review, isAssigned, canRelease };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review, isAssigned, canRelease } = await requireReview(request, params.id);
  const methodology = methodologyOf(review.assessment.methodologyVersion);
  const answers = verifiedAnswers(review.assessment.answers, review.decisions);
  const [evidence, messages, log] = await Promise.all([
    listEvidence(review.assessment.id),
    listMessages(review.assessment.id),
    listVerificationLog(review.assessment.id),
  ]);
  const notes = review.assessment.evidence;
  const t = await getFixedT(request);
  const questions = applicableQuestions(methodology, answers);
  return {
    title: t("verification.reviewTitle", { name: review.assessment.enterprise.name }),
    canEdit: isAssigned && review.status === "in_review",
    canRelease,
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review, isAssigned } = await requireReview(request, params.id);
  const page = `/verification/${review.id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const methodology = methodologyOf(review.assessment.methodologyVersion);
  const answers = verifiedAnswers(review.assessment.answers, review.decisions);
  const questionId = String(formData.get("questionId") ?? "");
  const applicable = applicableQuestions(methodology, answers).some((q) => q.id === questionId);
  const failed = (error: string, status: number, extra: Record<string, unknown> = {}) => data({ error, questionId, ...extra }, { status });
  const checkOutcome = (outcome: { ok: boolean; error?: string; missing?: string[] }, success: string) =>
    outcome.ok ? redirect(success) : failed(`verification.errors.${outcome.error}`, outcome.error === "not_yours" ? 403 : 409, { missing: outcome.missing ?? [] });

  if (intent === "release") {
    const asAdmin = userCan(user, "release:verifications:any");
    if (!isAssigned && !asAdmin) forbidden();
    if (review.status === "completed") return failed("verification.errors.completed_no_release", 409);
    if (formData.get("confirm") !== "yes") return failed("verification.errors.confirmRelease", 400);
    return checkOutcome(await releaseVerification({ id: review.id, actorId: user.id, asAdmin }), "/verification?handedBack=1");
  }
  if (!isAssigned) forbidden();
  if (intent === "accept") {
    if (!applicable) return failed("verification.errors.question", 400);
    if (review.assessment.answers[questionId] === undefined) return failed("verification.errors.nothingToAccept", 400);
    return checkOutcome(await decideAnswer({ id: review.id, verifierId: user.id, questionId, change: null, selfAnswer: review.assessment.answers[questionId] }), `${page}?accepted=1#review-${questionId}`);
  }
  if (intent === "change") {
    if (!applicable) return failed("verification.errors.question", 400);
    const forOne = new FormData();
    forOne.append("shown", questionId);
    for (const value of formData.getAll(`q.${questionId}`)) forOne.append(`q.${questionId}`, value);
    if (formData.get(`na.${questionId}`)) forOne.append(`na.${questionId}`, "on");
    const parsed = parseSection(forOne, methodology, answers);
    const reason = ReasonSchema.safeParse(formData.get("reason"));
    const typed = { raw: parsed.raw[questionId], reason: String(formData.get("reason") ?? "") };
    const value = parsed.answers[questionId];
    const answerError = parsed.errors[questionId] ? `assessment.errors.${parsed.errors[questionId]}` : value === undefined ? "verification.errors.answerRequired" : null;
    const sameAsSelf = value !== undefined && JSON.stringify(value) === JSON.stringify(review.assessment.answers[questionId] ?? null);
    if (answerError || sameAsSelf || !reason.success) {
      return failed("verification.errors.changeInvalid", 400, {
        answerError: answerError ?? (sameAsSelf ? "verification.errors.same_answer" : null),
        reasonError: reason.success ? null : reason.error.issues[0]!.message === "errors.required" ? "verification.errors.reasonRequired" : reason.error.issues[0]!.message,
        ...typed,
      });
    }
    return checkOutcome(
      await decideAnswer({ id: review.id, verifierId: user.id, questionId, change: { value: value as AnswerValue, reason: reason.data }, selfAnswer: review.assessment.answers[questionId] }),
      `${page}?changed=1#review-${questionId}`,
    );
  }
  if (intent === "accept-rest") {
    if (formData.get("confirm") !== "yes") return failed("verification.errors.confirmRest", 400);
    return checkOutcome(await acceptRemaining({ id: review.id, verifierId: user.id }), `${page}?acceptedRest=1`);
  }
  if (intent === "complete") {
    return checkOutcome(await completeVerification({ id: review.id, verifierId: user.id }), `${page}?completed=1`);
  }
  if (intent === "message") {
    const parsed = MessageSchema.safeParse({ body: formData.get("body") });
    if (!parsed.success) return failed(parsed.error.issues[0]!.message, 400, { form: "message", body: String(formData.get("body") ?? "") });
    await addMessage({ assessmentId: review.assessment.id, authorId: user.id, body: parsed.data.body });
    return redirect(`${page}?sent=1#messages`);
  }
  return failed("verification.errors.unknown", 400);
}

type ActionData = {
  error: string;
  questionId: string;
  form?: string;
  body?: string;
  missing?: string[];
  answerError?: string | null;
  reasonError?: string | null;
  raw?: { value: string | string[]; notApplicable: boolean; note: string; links: string };
  reason?: string;
};

/** A form whose action needs a ticked box first; the action checks the box again. */
function ConfirmedActionForm({ id, intro, label, intent, button }: { id: string; intro?: string; label: string; intent: string; button: string }) {
  return (
    <Form method="post" className="form">
      {intro ? <p>{intro}</p> : null}
      <div className="field-checkbox">
        <input type="checkbox" id={id} name="confirm" value="yes" />
        <label htmlFor={id}>{label}</label>
      </div>
      <div className="actions">
        <button type="submit" name="intent" value={intent} className="button-secondary">
          {button}
        </button>
      </div>
    </Form>
  );
}

export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const loaderData = useLoaderData<typeof loader>();
  const { title, canEdit, canRelease, status, enterprise, methodologyVersion, submittedAt, completedAt, selfOverall, verifiedOverall, decided, dimensions, questions, messages, log } = loaderData;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [searchParams] = useSearchParams();
  const notice = ["taken", "accepted", "changed", "acceptedRest", "completed", "sent"].find((k) => searchParams.get(k));
  const pageError = actionData && actionData.form !== "message" && !(actionData.error === "verification.errors.changeInvalid") ? actionData.error : null;
  const score = (x: number) => formatNumber(x, language, { maximumFractionDigits: 1 });
  return (
    <article>
      <p>
        <Link to="/verification">{t("verification.backToQueue")}</Link>
      </p>
      <h1>{title}</h1>
      {notice ? (
        <p role="status" className="notice">
          {t(`verification.reviewNotice.${notice}`)}
        </p>
      ) : null}
      {pageError ? (
        <div role="alert" className="form-errors">
          <p>{t(pageError)}</p>
          {actionData?.missing?.length ? (
            <ul>
              {actionData.missing.map((id) => {
                const q = questions.find((x) => x.question.id === id);
                return <li key={id}>{q ? <a href={`#review-${id}`}>{questionText(t, q.question.id)}</a> : id}</li>;
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p>
        {t("verification.reviewSummary", {
          version: methodologyVersion,
          submitted: submittedAt ? formatDate(submittedAt, language) : "—",
          score: score(selfOverall),
        })}{" "}
        <Link to={`/enterprises/${enterprise.slug}`}>{enterprise.name}</Link>
      </p>
      {status === "completed" && verifiedOverall !== null ? (
        <p>{t("verification.completedSummary", { date: completedAt ? formatDate(completedAt, language) : "", score: score(verifiedOverall) })}</p>
      ) : (
        <p>{t("verification.progress", { decided, total: questions.length })}</p>
      )}

      {dimensions.map((d) => {
        const inDimension = questions.filter((q) => q.question.dimension === d.id);
        if (inDimension.length === 0) return null;
        return (
          <section key={d.id} aria-labelledby={`dim-${d.id}`}>
            <h2 id={`dim-${d.id}`}>{dimensionName(t, d.id)}</h2>
            {inDimension.map((item) => {
              const q = item.question;
              const changeError = actionData?.error === "verification.errors.changeInvalid" && actionData.questionId === q.id ? actionData : null;
              const decision = item.decision;
              return (
                <section key={q.id} id={`review-${q.id}`} className="review-question" aria-labelledby={`qt-${q.id}`}>
                  <h3 id={`qt-${q.id}`}>{questionText(t, q.id)}</h3>
                  <dl>
                    <dt>{t("verification.enterpriseAnswer")}</dt>
                    <dd>{answerText(q, item.selfAnswer ?? undefined, language, t)}</dd>
                    {item.note ? (
                      <>
                        <dt>{t("assessment.note")}</dt>
                        <dd>{item.note}</dd>
                      </>
                    ) : null}
                    <dt>{t("verification.evidenceHeading")}</dt>
                    <dd>
                      {item.links.length ? (
                        <ul>
                          {item.links.map((link) => (
                            <li key={link}>
                              <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                                {link}
                              </a>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <EvidenceItems items={item.evidence} />
                    </dd>
                    <dt>{t("verification.decision")}</dt>
                    <dd>
                      {!decision
                        ? t("verification.undecided")
                        : decision.decision === "accepted"
                          ? t("verification.accepted")
                          : t("verification.changedTo", { answer: answerText(q, item.verifiedAnswer ?? undefined, language, t), reason: decision.reason })}
                    </dd>
                  </dl>
                  {canEdit ? (
                    <>
                      {item.selfAnswer !== null && decision?.decision !== "accepted" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="questionId" value={q.id} />
                          <button type="submit" name="intent" value="accept" aria-label={t("verification.acceptThis", { question: questionText(t, q.id) })}>
                            {t("verification.accept")}
                          </button>
                        </Form>
                      ) : null}
                      <details open={Boolean(changeError)}>
                        <summary>{t("verification.changeAnswer")}</summary>
                        <Form method="post" className="form">
                          <input type="hidden" name="questionId" value={q.id} />
                          <QuestionField
                            question={q}
                            withEvidence={false}
                            error={changeError?.answerError?.startsWith("assessment.errors.") ? changeError.answerError.slice("assessment.errors.".length) : undefined}
                            state={
                              changeError?.raw
                                ? { value: changeError.raw.value, notApplicable: changeError.raw.notApplicable, note: "", links: "" }
                                : { value: item.verifiedAnswer === "n/a" ? undefined : (item.verifiedAnswer ?? undefined), notApplicable: item.verifiedAnswer === "n/a", note: "", links: "" }
                            }
                          />
                          {changeError?.answerError && !changeError.answerError.startsWith("assessment.errors.") ? (
                            <p className="field-errors" role="alert">
                              {t(changeError.answerError)}
                            </p>
                          ) : null}
                          <div className="field">
                            <label htmlFor={`reason-${q.id}`}>{t("verification.reason")}</label>
                            <textarea
                              id={`reason-${q.id}`}
                              name="reason"
                              rows={2}
                              maxLength={2000}
                              defaultValue={changeError?.reason ?? ""}
                              aria-invalid={changeError?.reasonError ? true : undefined}
                              aria-describedby={changeError?.reasonError ? `reason-${q.id}-error` : undefined}
                            />
                            {changeError?.reasonError ? (
                              <p className="field-errors" id={`reason-${q.id}-error`} role="alert">
                                {t(changeError.reasonError)}
                              </p>
                            ) : null}
                          </div>
                          <div className="actions">
                            <button type="submit" name="intent" value="change">
                              {t("verification.saveChange")}
                            </button>
                          </div>
                        </Form>
                      </details>
                    </>
                  ) : null}
                </section>
              );
            })}
          </section>
        );
      })}

      {canEdit ? (
        <section aria-labelledby="finish-heading">
          <h2 id="finish-heading">{t("verification.finishHeading")}</h2>
          <ConfirmedActionForm id="confirm-rest" label={t("verification.confirmRest")} intent="accept-rest" button={t("verification.acceptRest")} />
          <Form method="post" className="form">
            <p>{t("verification.completeIntro")}</p>
            <div className="actions">
              <button type="submit" name="intent" value="complete">
                {t("verification.complete")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {canRelease ? (
        <section aria-labelledby="release-heading">
          <h2 id="release-heading">{t("verification.releaseHeading")}</h2>
          <ConfirmedActionForm
            id="confirm-release"
            intro={t("verification.releaseIntro")}
            label={t("verification.confirmRelease")}
            intent="release"
            button={t("verification.release")}
          />
        </section>
      ) : null}

      <VerificationMessages
        messages={messages}
        canWrite={canEdit}
        error={actionData?.form === "message" ? actionData.error : undefined}
        typed={actionData?.form === "message" ? actionData.body : undefined}
      />
      <VerificationLog log={log} questions={Object.fromEntries(questions.map((q) => [q.question.id, q.question.text]))} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
