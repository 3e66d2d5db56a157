import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PeerTable } from "~/components/peer-table";
import { RatingSummary } from "~/components/rating-summary";
import { AskForMentorLink, PlanResources, QuestionResourcesLink } from "~/components/plan-support";
import { ResultRows } from "~/components/result-rows";
import { resourcesForQuestions } from "~/models/learning.server";
import { getResultAsShown, methodologyOf, peerComparison, requireAssessmentMember, setRatingPublished } from "~/models/assessment.server";
import { getVerification } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { answerText } from "~/utils/answer-text";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { dimensionName, questionText } from "~/utils/methodology-text";
import { redirectWithNotice } from "~/utils/notice.server";
import { TableScroll } from "~/components/table-scroll";
import { planItemsDone, setPlanItemDone } from "~/models/cohort.server";
import { PlanItemSchema } from "~/utils/cohort-validation";
import { parseWithZod } from "@conform-to/zod/v4";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment, role } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  if (assessment.status !== "submitted" || !assessment.result) throw redirect(base);
  const methodology = methodologyOf(assessment.methodologyVersion);
  const t = await getFixedT(request);
  // Once verified, the members read what the public reads: the verifier's answers and figures, with the trust label.
  const shown = await getResultAsShown({ ...assessment, result: assessment.result });
  return {
    title: t("results.title", { name: enterprise.name }),
    learning: await resourcesForQuestions({
      questionIds: shown.result.improvements.map((i) => i.questionId),
      language: await getLanguage(request),
    }),
    base,
    // Plan items the members marked done (their progress, which a cohort they consented to reads).
    done: await planItemsDone(assessment.id),
    enterprise: { slug: enterprise.slug, name: enterprise.name, status: enterprise.status },
    isOwner: role === "owner",
    assessment: { id: assessment.id, published: assessment.published, submittedAt: assessment.submittedAt },
    result: shown.result,
    trust: shown.trust,
    rows: shown.rows,
    methodology: {
      version: methodology.version,
      dimensions: methodology.dimensions,
      tiers: methodology.tiers,
      questions: methodology.questions,
    },
    peers: await peerComparison({ enterprise, result: shown.result }),
    verification: await getVerification(assessment.id).then((v) =>
      v
        ? {
            status: v.status,
            requestedAt: v.requestedAt,
            completedAt: v.completedAt,
            organisation: v.organisation ?? v.verifier?.organisation ?? null,
          }
        : null,
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "done" || intent === "undone") {
    // Any member marks an item of the plan done (or not done again); only items of this assessment's plan.
    const { enterprise, assessment } = await requireAssessmentMember(user, params);
    const submission = parseWithZod(formData, { schema: PlanItemSchema });
    if (submission.status !== "success" || assessment.status !== "submitted" || !assessment.result) {
      throw new Response("Unknown plan item", { status: 400 });
    }
    const shown = await getResultAsShown({ ...assessment, result: assessment.result });
    if (!shown.result.improvements.some((i) => i.questionId === submission.value.questionId)) {
      throw new Response("Unknown plan item", { status: 400 });
    }
    await setPlanItemDone({
      assessmentId: assessment.id,
      questionId: submission.value.questionId,
      userId: user.id,
      done: intent === "done",
    });
    return redirectWithNotice(
      `/enterprises/${enterprise.slug}/assessments/${assessment.id}/results#plan-item-${submission.value.questionId}`,
      intent === "done" ? "cohorts.notice.planItemDone" : "cohorts.notice.planItemUndone",
    );
  }
  const { enterprise, assessment } = await requireAssessmentMember(user, params, { ownerOnly: true });
  if (intent !== "publish" && intent !== "unpublish") throw new Response("Unknown action", { status: 400 });
  const done = await setRatingPublished({ id: assessment.id, enterpriseId: enterprise.id, published: intent === "publish" });
  if (!done) throw new Response("Only a submitted assessment can be published", { status: 400 });
  return redirectWithNotice(`/enterprises/${enterprise.slug}/assessments/${assessment.id}/results`, `results.notice.${intent}ed`);
}

export default function ResultsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, base, enterprise, isOwner, assessment, result, trust, rows, methodology, peers, verification, learning, done } =
    useLoaderData<typeof loader>();
  const byId = new Map(methodology.questions.map((q) => [q.id, q]));
  const dimensionLabel = (id: string) => dimensionName(t, id);
  return (
    <article>
      <p>
        <Link to={`/enterprises/${enterprise.slug}/assessments`}>{t("assessment.backToHistory")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {assessment.published ? t("results.isPublished") : t("results.isPrivate")}
        {enterprise.status !== "published" ? ` ${t("results.profileDraft")}` : ""}
      </p>
      {isOwner ? (
        <Form method="post" className="actions">
          {assessment.published ? (
            <button type="submit" name="intent" value="unpublish" className="button-secondary">
              {t("results.unpublish")}
            </button>
          ) : (
            <button type="submit" name="intent" value="publish">
              {t("results.publish")}
            </button>
          )}
        </Form>
      ) : null}

      <RatingSummary result={result} methodology={methodology} submittedAt={assessment.submittedAt} trust={trust} />

      <h2>{t("verification.heading")}</h2>
      <p>
        {verification
          ? t(`verification.status.${verification.status}`, {
              requested: formatDate(verification.requestedAt, i18n.language),
              completed: verification.completedAt ? formatDate(verification.completedAt, i18n.language) : "",
              organisation: verification.organisation ?? "—",
            })
          : t("verification.notRequested")}{" "}
        <Link to={`${base}/verification`}>{t("verification.open")}</Link>
      </p>

      <h2>{t("results.plan")}</h2>
      {result.improvements.length === 0 ? (
        <p>{t("results.planEmpty")}</p>
      ) : (
        <>
          <p>{t("results.planIntro")}</p>
          <AskForMentorLink slug={enterprise.slug} />
          {methodology.dimensions
            .filter((d) => result.improvements.some((i) => i.dimension === d.id))
            .map((d) => (
              <section key={d.id} aria-labelledby={`plan-${d.id}`}>
                <h3 id={`plan-${d.id}`}>{dimensionLabel(d.id)}</h3>
                <ol>
                  {result.improvements
                    .filter((i) => i.dimension === d.id)
                    .map((i) => {
                      const q = byId.get(i.questionId)!;
                      const isDone = done.includes(i.questionId);
                      return (
                        <li key={i.questionId} id={`plan-item-${i.questionId}`}>
                          {isDone ? <span className="badge">{t("cohorts.planItemIsDone")}</span> : null}{" "}
                          <strong>{questionText(t, q.id, rows.find((r) => r.questionId === q.id)?.wording)}</strong>{" "}
                          {t("results.planItem", {
                            answer: answerText(q, i.bestAnswer, language, t),
                            count: i.pointsAvailable,
                            points: formatNumber(i.pointsAvailable, language),
                            gain: formatNumber(i.potentialGain, language, { maximumFractionDigits: 2 }),
                          })}
                          <PlanResources questionId={i.questionId} links={learning[i.questionId]} />
                          <Form method="post" className="plan-item-done">
                            <input type="hidden" name="questionId" value={i.questionId} />
                            <button
                              type="submit"
                              name="intent"
                              value={isDone ? "undone" : "done"}
                              className="button-secondary"
                              aria-label={t(isDone ? "cohorts.markUndoneLabel" : "cohorts.markDoneLabel", { item: questionText(t, q.id) })}
                            >
                              {t(isDone ? "cohorts.markUndone" : "cohorts.markDone")}
                            </button>
                          </Form>
                        </li>
                      );
                    })}
                </ol>
              </section>
            ))}
        </>
      )}

      <h2>{t("results.peers")}</h2>
      <PeerTable peers={peers} dimensions={methodology.dimensions} />

      <h2>{t("results.byQuestion")}</h2>
      <TableScroll label={t("results.byQuestionCaption")}>
        <ResultRows
          rows={rows}
          questions={methodology.questions}
          methodologyVersion={methodology.version}
          extra={(row) => (
            <>
              {" · "}
              <QuestionResourcesLink questionId={row.questionId} />
            </>
          )}
        />
      </TableScroll>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
