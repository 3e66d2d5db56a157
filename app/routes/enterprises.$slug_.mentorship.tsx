import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/forms";
import { MentorFacts } from "~/routes/mentors";
import { requireEnterpriseMember } from "~/models/enterprise.server";
import { latestPlan, listMentorshipsOfEnterprise, requestMentorship, suggestMentors, type MatchReason } from "~/models/mentorship.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatList } from "~/utils/format";
import { LANGUAGE_NAMES, type Language } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { dimensionName, questionText } from "~/utils/methodology-text";
import { MentorshipRequestSchema } from "~/utils/mentorship-validation";
import { redirectWithNotice } from "~/utils/notice.server";
import { countryName, sectorName } from "~/utils/reference-data";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const [t, plan, mentorships] = await Promise.all([
    getFixedT(request),
    latestPlan(enterprise.id),
    listMentorshipsOfEnterprise(enterprise.id),
  ]);
  const matching = plan ? await suggestMentors({ enterprise, result: plan.result }) : null;
  return {
    title: t("mentorship.askTitle", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    plan: plan ? { id: plan.id, items: plan.result.improvements.map((i) => ({ questionId: i.questionId, dimension: i.dimension })) } : null,
    weakest: matching?.target.dimensions ?? [],
    suggestions: (matching?.suggestions ?? []).map((s) => ({
      id: s.mentor.userId,
      name: s.mentor.user.displayName,
      bio: s.mentor.bio,
      availability: s.mentor.availability,
      dimensions: s.mentor.dimensions,
      sectors: s.mentor.sectors,
      countries: s.mentor.countries,
      languages: s.mentor.languages,
      reasons: s.reasons,
    })),
    mentorships,
  };
}

const REFUSAL_STATUS = {
  not_a_mentor: 404,
  at_capacity: 409,
  already_open: 409,
  own_enterprise: 409,
  no_goals: 400,
  not_open: 409,
  not_allowed: 404,
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: MentorshipRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const plan = await latestPlan(enterprise.id);
  if (!plan) return data(submission.reply({ formErrors: ["mentorship.errors.noPlan"] }), { status: 409 });
  const outcome = await requestMentorship({
    enterprise,
    mentorId: submission.value.mentorId,
    requestedById: user.id,
    assessmentId: plan.id,
    result: plan.result,
    goals: submission.value.goals,
    message: submission.value.message,
  });
  if (!outcome.ok) {
    return data(submission.reply({ formErrors: [`mentorship.refusal.${outcome.refusal}`] }), { status: REFUSAL_STATUS[outcome.refusal] });
  }
  return redirectWithNotice(`/mentorships/${outcome.value.id}`, "mentorship.notice.requested");
}

/** "Knows Inclusion and Governance, works in Kyrgyzstan, speaks Russian": why Ortaq suggests a mentor. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t, i18n } = useTranslation();
  const list = (values: string[]) => formatList(values, i18n.language);
  const parts = reasons.map((r) => {
    if (r.kind === "dimensions") return t("mentorship.reason.dimensions", { list: list(r.values.map((d) => dimensionName(t, d))) });
    if (r.kind === "country") return t("mentorship.reason.country", { country: countryName(t, r.values[0]!) });
    if (r.kind === "sector") return t("mentorship.reason.sector", { sector: sectorName(t, r.values[0]!) });
    return t("mentorship.reason.languages", { list: list(r.values.map((l) => LANGUAGE_NAMES[l as Language] ?? l)) });
  });
  return <p className="match-reasons">{parts.join(t("mentorship.reason.separator"))}</p>;
}

export default function AskForMentorPage() {
  const { t, i18n } = useTranslation();
  const { title, enterprise, plan, weakest, suggestions, mentorships } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/enterprises/${enterprise.slug}/assessments`}>{t("assessment.backToHistory")}</Link>
      </p>
      <h1>{title}</h1>
      {mentorships.length > 0 ? (
        <>
          <h2>{t("mentorship.yourMentorships")}</h2>
          <ul>
            {mentorships.map((m) => (
              <li key={m.id}>
                <Link to={`/mentorships/${m.id}`}>{m.mentor.displayName}</Link> · {t(`mentorship.status.${m.status}`)} ·{" "}
                {formatDate(m.createdAt, i18n.language)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!plan ? (
        <p>{t("mentorship.needPlan")}</p>
      ) : (
        <>
          <p>{t("mentorship.askIntro", { dimensions: weakest.map((d) => dimensionName(t, d)).join(", ") })}</p>
          <FormErrors id="request-errors" errors={lastResult?.error?.[""] ?? undefined} />
          {suggestions.length === 0 ? <p>{t("mentorship.noSuggestions")}</p> : null}
          {suggestions.map((s) => (
            <article key={s.id} className="card" aria-labelledby={`mentor-${s.id}`}>
              <h2 id={`mentor-${s.id}`}>{s.name}</h2>
              <MatchReasons reasons={s.reasons} />
              <p dir="auto">{s.bio}</p>
              <MentorFacts mentor={s} />
              <p className="field-hint">{s.availability}</p>
              <Form method="post" className="form">
                <input type="hidden" name="mentorId" value={s.id} />
                <fieldset className="field">
                  <legend>{t("mentorship.goalsLegend")}</legend>
                  {plan.items.map((item) => (
                    <div key={item.questionId} className="field-checkbox">
                      <input
                        type="checkbox"
                        id={`goal-${s.id}-${item.questionId}`}
                        name="goals"
                        value={item.questionId}
                        defaultChecked={weakest.includes(item.dimension)}
                      />
                      <label htmlFor={`goal-${s.id}-${item.questionId}`}>
                        {dimensionName(t, item.dimension)}: {questionText(t, item.questionId)}
                      </label>
                    </div>
                  ))}
                  <ErrorList errors={lastResult?.error?.goals ?? undefined} />
                </fieldset>
                <div className="field">
                  <label htmlFor={`message-${s.id}`}>{t("mentorship.message")}</label>
                  <textarea id={`message-${s.id}`} name="message" rows={3} maxLength={1000} />
                </div>
                <div className="actions">
                  <button type="submit">{t("mentorship.askThis", { name: s.name })}</button>
                </div>
              </Form>
            </article>
          ))}
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
