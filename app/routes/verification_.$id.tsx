import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { AnswerValue, Question } from "../../scoring";
import { EvidenceItems } from "~/components/evidence-list";
import { CheckboxField, ErrorList, FormErrors, TextAreaField, useCheckedForm } from "~/components/forms";
import { QuestionField } from "~/components/question-field";
import { VerificationLog, VerificationMessages } from "~/components/verification-log";
import {
  acceptAnswer,
  acceptRemaining,
  addMessage,
  changeAnswer,
  completeVerification,
  getReviewView,
  handBackReview,
  mayActOnReview,
  openReview,
  readChangedAnswer,
  type ChangedAnswerRefusal,
  type VerificationError,
} from "~/models/verification.server";
import { answerText } from "~/utils/answer-text";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { dimensionName, questionText } from "~/utils/methodology-text";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, notFound, requireIdParam } from "~/utils/permissions.server";
import { AcceptRestFormSchema, ReleaseFormSchema, ReviewActionSchema } from "~/utils/verification-validation";

/** The review in the URL and what the signed-in person may do with it: a 404 for no such review, a 403 for someone who may not open it. */
async function requireReview(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const opened = await openReview({ id: requireIdParam(params), user });
  if (!opened.ok) return opened.refusal === "not_found" ? notFound() : forbidden();
  return { user, review: opened.review, access: opened.access };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review, access } = await requireReview(request, params);
  const [t, view] = await Promise.all([getFixedT(request), getReviewView({ review, access })]);
  return { title: t("verification.reviewTitle", { name: view.enterpriseName }), ...view };
}

/** The form on the page a submission came from (one accept and one change form per question), so its answer shows there. */
function formOf(intent: unknown, questionId: unknown) {
  return (intent === "accept" || intent === "change") && typeof questionId === "string" ? `${intent}-${questionId}` : String(intent ?? "");
}

const REFUSAL_MESSAGES: Partial<Record<VerificationError, string>> = {
  not_applicable: "verification.errors.question",
  nothing_to_accept: "verification.errors.nothingToAccept",
};

const ANSWER_MESSAGES: Record<Exclude<ChangedAnswerRefusal["reason"], "invalid_answer">, string> = {
  not_applicable: "verification.errors.question",
  no_answer: "verification.errors.answerRequired",
  same_answer: "verification.errors.same_answer",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review, access } = await requireReview(request, params);
  const formData = await request.formData();
  if (!mayActOnReview(access, String(formData.get("intent")))) forbidden();
  const submission = parseWithZod(formData, { schema: ReviewActionSchema });
  const form = formOf(submission.payload.intent, submission.payload.questionId);
  const reply = (status: number, options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }, missing: string[] = []) =>
    data({ form, result: submission.reply(options), missing }, { status });
  // A changed answer is read against the methodology here, so its message shows together with the reason's.
  const questionId = String(formData.get("questionId") ?? "");
  const changed =
    formData.get("intent") === "change"
      ? readChangedAnswer({
          review,
          questionId,
          values: formData.getAll(`q.${questionId}`).map(String),
          notApplicable: formData.get(`na.${questionId}`) === "on",
        })
      : null;
  const answerError =
    changed && !changed.ok
      ? changed.refusal.reason === "invalid_answer"
        ? `assessment.errors.${changed.refusal.code}`
        : ANSWER_MESSAGES[changed.refusal.reason]
      : null;
  if (submission.status !== "success" || answerError)
    return reply(400, answerError ? { fieldErrors: { answer: [answerError] } } : undefined);

  const refused = (outcome: { error: VerificationError; missing?: string[] }) => {
    if (outcome.error === "not_found") notFound();
    if (outcome.error === "forbidden") forbidden();
    const status = outcome.error === "not_yours" ? 403 : REFUSAL_MESSAGES[outcome.error] ? 400 : 409;
    return reply(status, { formErrors: [REFUSAL_MESSAGES[outcome.error] ?? `verification.errors.${outcome.error}`] }, outcome.missing);
  };
  const page = `/verification/${review.id}`;
  const value = submission.value;
  switch (value.intent) {
    case "accept": {
      const outcome = await acceptAnswer({ review, verifierId: user.id, questionId: value.questionId });
      return outcome.ok ? redirectWithNotice(`${page}#review-${value.questionId}`, "verification.reviewNotice.accepted") : refused(outcome);
    }
    case "change": {
      if (!changed?.ok) return reply(400);
      const outcome = await changeAnswer({
        review,
        verifierId: user.id,
        questionId: value.questionId,
        value: changed.value,
        reason: value.reason,
      });
      return outcome.ok ? redirectWithNotice(`${page}#review-${value.questionId}`, "verification.reviewNotice.changed") : refused(outcome);
    }
    case "accept-rest": {
      const outcome = await acceptRemaining({ id: review.id, verifierId: user.id });
      return outcome.ok ? redirectWithNotice(page, "verification.reviewNotice.acceptedRest") : refused(outcome);
    }
    case "complete": {
      const outcome = await completeVerification({ id: review.id, verifierId: user.id });
      return outcome.ok ? redirectWithNotice(page, "verification.reviewNotice.completed") : refused(outcome);
    }
    case "release": {
      const outcome = await handBackReview({ review, user });
      return outcome.ok ? redirectWithNotice("/verification", "verification.handedBack") : refused(outcome);
    }
    case "message": {
      await addMessage({ assessmentId: review.assessment.id, authorId: user.id, body: value.body });
      return redirectWithNotice(`${page}#messages`, "verification.reviewNotice.sent");
    }
  }
}

type ReviewActionData = { form: string; result: SubmissionResult<string[]>; missing: string[] };

/** The answer of the action to the form `id`, if that form was the one sent. */
function resultFor(actionData: ReviewActionData | undefined, id: string) {
  return actionData?.form === id ? actionData.result : undefined;
}

/** Accept the enterprise's own answer to one question. */
function AcceptAnswerForm({ question, result }: { question: Question; result?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form] = useCheckedForm({ id: `accept-${question.id}`, lastResult: result });
  return (
    <Form method="post" className="inline-form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="questionId" value={question.id} />
      <button
        type="submit"
        name="intent"
        value="accept"
        aria-label={t("verification.acceptThis", { question: questionText(t, question.id) })}
      >
        {t("verification.accept")}
      </button>
    </Form>
  );
}

/**
 * Change the answer to one question, saying why. The answer is read against the methodology on the
 * server, which answers with every message at once, so this form is not checked in the browser.
 */
function ChangeAnswerForm({
  question,
  verifiedAnswer,
  result,
}: {
  question: Question;
  verifiedAnswer: AnswerValue | null;
  result?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({ id: `change-${question.id}`, lastResult: result });
  const typed = result?.initialValue as { q?: Record<string, string | string[]>; na?: Record<string, string> } | null | undefined;
  const answerError = fields.answer.errors?.[0];
  const assessmentError = answerError?.startsWith("assessment.errors.") ? answerError.slice("assessment.errors.".length) : undefined;
  return (
    <details open={Boolean(result)}>
      <summary>{t("verification.changeAnswer")}</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="questionId" value={question.id} />
        <QuestionField
          question={question}
          withEvidence={false}
          error={assessmentError}
          state={
            typed
              ? { value: typed.q?.[question.id] ?? "", notApplicable: typed.na?.[question.id] === "on", note: "", links: "" }
              : {
                  value: verifiedAnswer === "n/a" ? undefined : (verifiedAnswer ?? undefined),
                  notApplicable: verifiedAnswer === "n/a",
                  note: "",
                  links: "",
                }
          }
        />
        {answerError && !assessmentError ? <ErrorList id={fields.answer.errorId} errors={[answerError]} /> : null}
        <TextAreaField field={fields.reason} label={t("verification.reason")} rows={2} />
        <div className="actions">
          <button type="submit" name="intent" value="change">
            {t("verification.saveChange")}
          </button>
        </div>
      </Form>
    </details>
  );
}

/** A step that needs a ticked box first (accepting the rest, handing back); the action checks the box again. */
function ConfirmedActionForm({
  intent,
  schema,
  intro,
  label,
  button,
  result,
}: {
  intent: string;
  schema: z.ZodType;
  intro?: string;
  label: string;
  button: string;
  result?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useCheckedForm({
    id: intent,
    lastResult: result,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {intro ? <p>{intro}</p> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <CheckboxField field={fields.confirm} label={label} value="yes" />
      <div className="actions">
        <button type="submit" name="intent" value={intent} className="button-secondary">
          {button}
        </button>
      </div>
    </Form>
  );
}

/** Complete the review; a refusal lists the questions still to decide or answer. */
function CompleteForm({
  questions,
  result,
  missing,
}: {
  questions: { id: string }[];
  result?: SubmissionResult<string[]>;
  missing: string[];
}) {
  const { t } = useTranslation();
  const [form] = useCheckedForm({ id: "complete", lastResult: result });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <p>{t("verification.completeIntro")}</p>
      {form.errors?.length ? (
        <div role="alert" className="form-errors">
          <ErrorList id={form.errorId} errors={form.errors} />
          {missing.length ? (
            <ul>
              {missing.map((id) => (
                <li key={id}>{questions.some((q) => q.id === id) ? <a href={`#review-${id}`}>{questionText(t, id)}</a> : id}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" name="intent" value="complete">
          {t("verification.complete")}
        </button>
      </div>
    </Form>
  );
}

export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const {
    title,
    canEdit,
    canRelease,
    status,
    enterprise,
    methodologyVersion,
    submittedAt,
    completedAt,
    selfOverall,
    verifiedOverall,
    decided,
    dimensions,
    questions,
    messages,
    log,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReviewActionData | undefined;
  const score = (x: number) => formatNumber(x, language, { maximumFractionDigits: 1 });
  return (
    <article>
      <p>
        <Link to="/verification">{t("verification.backToQueue")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t("verification.reviewSummary", {
          version: methodologyVersion,
          submitted: submittedAt ? formatDate(submittedAt, language) : "—",
          score: score(selfOverall),
        })}{" "}
        <Link to={`/enterprises/${enterprise.slug}`}>{enterprise.name}</Link>
      </p>
      {status === "completed" && verifiedOverall !== null ? (
        <p>
          {t("verification.completedSummary", {
            date: completedAt ? formatDate(completedAt, language) : "",
            score: score(verifiedOverall),
          })}
        </p>
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
                          : t("verification.changedTo", {
                              answer: answerText(q, item.verifiedAnswer ?? undefined, language, t),
                              reason: decision.reason,
                            })}
                    </dd>
                  </dl>
                  {canEdit ? (
                    <>
                      {item.selfAnswer !== null && decision?.decision !== "accepted" ? (
                        <AcceptAnswerForm question={q} result={resultFor(actionData, `accept-${q.id}`)} />
                      ) : null}
                      <ChangeAnswerForm
                        key={decision?.at ?? "undecided"}
                        question={q}
                        verifiedAnswer={item.verifiedAnswer}
                        result={resultFor(actionData, `change-${q.id}`)}
                      />
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
          <ConfirmedActionForm
            intent="accept-rest"
            schema={AcceptRestFormSchema}
            label={t("verification.confirmRest")}
            button={t("verification.acceptRest")}
            result={resultFor(actionData, "accept-rest")}
          />
          <CompleteForm
            questions={questions.map((q) => q.question)}
            result={resultFor(actionData, "complete")}
            missing={actionData?.form === "complete" ? actionData.missing : []}
          />
        </section>
      ) : null}

      {canRelease ? (
        <section aria-labelledby="release-heading">
          <h2 id="release-heading">{t("verification.releaseHeading")}</h2>
          <ConfirmedActionForm
            intent="release"
            schema={ReleaseFormSchema}
            intro={t("verification.releaseIntro")}
            label={t("verification.confirmRelease")}
            button={t("verification.release")}
            result={resultFor(actionData, "release")}
          />
        </section>
      ) : null}

      <VerificationMessages key={messages.length} messages={messages} canWrite={canEdit} result={resultFor(actionData, "message")} />
      <VerificationLog log={log} questions={Object.fromEntries(questions.map((q) => [q.question.id, q.question.text]))} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
