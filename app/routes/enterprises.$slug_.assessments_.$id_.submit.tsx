import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { methodologyOf, missingAnswers, requireAssessmentMember, scoringContext, submitAssessment } from "~/models/assessment.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { questionText } from "~/utils/methodology-text";
import { redirectWithNotice } from "~/utils/notice.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  if (assessment.status !== "draft") throw redirect(`${base}/results`);
  const methodology = methodologyOf(assessment.methodologyVersion);
  const t = await getFixedT(request);
  return {
    title: t("assessment.submitTitle"),
    base,
    revision: assessment.revision,
    missing: missingAnswers(methodology, assessment.answers, scoringContext(assessment)).map((q) => ({
      id: q.id,
      dimension: q.dimension,
      text: q.text,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  const formData = await request.formData();
  if (formData.get("confirm") !== "yes") return data({ error: "assessment.confirmRequired" }, { status: 400 });
  const revision = Number(formData.get("revision"));
  const outcome = await submitAssessment({ id: assessment.id, revision: Number.isInteger(revision) ? revision : -1 });
  if (outcome.submitted) return redirectWithNotice(`${base}/results`, "results.notice.submitted");
  if (outcome.reason === "not_draft") return redirect(`${base}/results`);
  if (outcome.reason === "stale") return data({ error: "assessment.staleSubmit" }, { status: 409 });
  return data({ error: "assessment.missingAnswers" }, { status: 400 });
}

export default function SubmitAssessmentPage() {
  const { t } = useTranslation();
  const { title, base, revision, missing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={base}>{t("assessment.backToQuestions")}</Link>
      </p>
      <h1>{title}</h1>
      {actionData?.error ? (
        <p role="alert" className="form-errors">
          {t(actionData.error)}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <>
          <p>{t("assessment.unansweredIntro", { count: missing.length })}</p>
          <ul>
            {missing.map((q) => (
              <li key={q.id}>
                <Link to={`${base}?section=${q.dimension}#q-${q.id}`}>{questionText(t, q.id)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Form method="post" className="form">
          <p>{t("assessment.submitIntro")}</p>
          <input type="hidden" name="revision" value={revision} />
          <div className="field-checkbox">
            <input type="checkbox" id="confirm" name="confirm" value="yes" required />
            <label htmlFor="confirm">{t("assessment.confirmLabel")}</label>
          </div>
          <div className="actions">
            <button type="submit">{t("assessment.submit")}</button>
          </div>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
