import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/forms";
import { MatchReasons } from "~/routes/enterprises.$slug_.mentorship";
import {
  endMentorship,
  getMentorship,
  logSession,
  respondToMentorship,
  setProgressConsent,
  sideOf,
  type MentorshipRefusal,
} from "~/models/mentorship.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { dimensionName, questionText } from "~/utils/methodology-text";
import { ReviewSchema, SessionSchema } from "~/utils/mentorship-validation";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Only the mentor and the enterprise's members read a mentorship; to anyone else it does not exist.
  const mentorship = await getMentorship({ id: requireIdParam(params), userId: user.id });
  if (!mentorship) notFound();
  const t = await getFixedT(request);
  return { title: t("mentorship.title", { mentor: mentorship.mentor.displayName, enterprise: mentorship.enterprise.name }), mentorship };
}

const REFUSAL_STATUS: Record<MentorshipRefusal, number> = {
  not_a_mentor: 404,
  at_capacity: 409,
  already_open: 409,
  own_enterprise: 409,
  no_goals: 400,
  not_open: 409,
  not_allowed: 404,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params);
  const side = await sideOf({ id, userId: user.id });
  if (!side) notFound();
  const here = `/mentorships/${id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  const refused = (form: string, refusal: MentorshipRefusal) =>
    data({ form, errors: [`mentorship.refusal.${refusal}`] as string[], result: null }, { status: REFUSAL_STATUS[refusal] });

  if (intent === "accept" || intent === "decline") {
    if (side !== "mentor") notFound();
    const outcome = await respondToMentorship({ id, mentorId: user.id, accept: intent === "accept" });
    if (!outcome.ok) return refused("respond", outcome.refusal);
    return redirectWithNotice(here, `mentorship.notice.${intent === "accept" ? "accepted" : "declined"}`);
  }
  if (intent === "session") {
    const submission = parseWithZod(formData, { schema: SessionSchema });
    if (submission.status !== "success")
      return data({ form: "session", errors: [] as string[], result: submission.reply() }, { status: 400 });
    const outcome = await logSession({
      id,
      userId: user.id,
      goalId: submission.value.goalId ?? null,
      heldOn: new Date(`${submission.value.heldOn}T00:00:00Z`),
      notes: submission.value.notes,
    });
    if (!outcome.ok) return refused("session", outcome.refusal);
    return redirectWithNotice(here, "mentorship.notice.sessionLogged");
  }
  if (intent === "end") {
    const submission = parseWithZod(formData, { schema: ReviewSchema });
    if (submission.status !== "success") return data({ form: "end", errors: [] as string[], result: submission.reply() }, { status: 400 });
    const outcome = await endMentorship({ id, userId: user.id, side, review: submission.value.review });
    if (!outcome.ok) return refused("end", outcome.refusal);
    return redirectWithNotice(here, "mentorship.notice.reviewed");
  }
  if (intent === "consent" || intent === "withdraw") {
    if (side !== "mentee") notFound();
    await setProgressConsent({ id, value: intent === "consent" });
    return redirectWithNotice(here, `mentorship.notice.${intent === "consent" ? "consented" : "withdrawn"}`);
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function MentorshipPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, mentorship: m } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsOf = (form: string) => (actionData?.form === form ? actionData.errors : undefined);
  const fieldErrors = (form: string, name: string) =>
    actionData?.form === form ? (actionData.result?.error?.[name] ?? undefined) : undefined;
  const ownReview = m.side === "mentor" ? m.mentorReview : m.menteeReview;
  const goalLabel = (goalId: string | null) => {
    const goal = m.goals.find((g) => g.id === goalId);
    return goal ? questionText(t, goal.questionId) : t("mentorship.noGoal");
  };
  return (
    <article>
      <p>
        <Link to={m.side === "mentor" ? "/mentors" : `/enterprises/${m.enterprise.slug}/mentorship`}>{t("mentorship.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <strong>{t(`mentorship.status.${m.status}`)}</strong> ·{" "}
        {t("mentorship.requestedOn", { date: formatDate(m.createdAt, language), name: m.requestedBy?.displayName ?? "—" })}
      </p>
      {m.reasons.length > 0 ? (
        <>
          <h2>{t("mentorship.whySuggested")}</h2>
          <MatchReasons reasons={m.reasons} />
        </>
      ) : null}
      {m.message ? (
        <blockquote dir="auto" className="plain-text">
          {m.message}
        </blockquote>
      ) : null}

      {m.side === "mentor" && m.status === "requested" ? (
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="accept">
            {t("mentorship.accept")}
          </button>
          <button type="submit" name="intent" value="decline" className="button-secondary">
            {t("mentorship.decline")}
          </button>
          <ErrorList errors={errorsOf("respond")} />
        </Form>
      ) : null}

      <h2>{t("mentorship.goals")}</h2>
      <ul>
        {m.goals.map((g) => (
          <li key={g.id}>
            {dimensionName(t, g.dimension)}: {questionText(t, g.questionId)} —{" "}
            <Link to={`/learn?question=${g.questionId}`}>{t("learning.plan.more")}</Link>
          </li>
        ))}
      </ul>

      <h2>{t("mentorship.sessions")}</h2>
      {m.sessions.length === 0 ? <p>{t("mentorship.noSessions")}</p> : null}
      <ol className="post-list">
        {m.sessions.map((s) => (
          <li key={s.id} className="post">
            <p className="post-header">
              <strong>{formatDate(s.heldOn, language)}</strong> · {goalLabel(s.goalId)} · {s.author?.displayName ?? "—"}
            </p>
            <p className="plain-text" dir="auto">
              {s.notes}
            </p>
          </li>
        ))}
      </ol>
      {m.status === "active" ? (
        <Form method="post" className="form" aria-labelledby="log-session">
          <h3 id="log-session">{t("mentorship.logSession")}</h3>
          <input type="hidden" name="intent" value="session" />
          <FormErrors id="session-errors" errors={errorsOf("session")} />
          <div className="field">
            <label htmlFor="session-goal">{t("mentorship.sessionGoal")}</label>
            <select id="session-goal" name="goalId" defaultValue={m.goals[0]?.id ?? ""}>
              {m.goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {questionText(t, g.questionId)}
                </option>
              ))}
              <option value="">{t("mentorship.noGoal")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="session-date">{t("mentorship.sessionDate")}</label>
            <input id="session-date" name="heldOn" type="date" required aria-describedby="session-date-errors" />
            <ErrorList id="session-date-errors" errors={fieldErrors("session", "heldOn")} />
          </div>
          <div className="field">
            <label htmlFor="session-notes">{t("mentorship.sessionNotes")}</label>
            <textarea id="session-notes" name="notes" rows={4} required maxLength={4000} aria-describedby="session-notes-errors" />
            <ErrorList id="session-notes-errors" errors={fieldErrors("session", "notes")} />
          </div>
          <div className="actions">
            <button type="submit">{t("mentorship.saveSession")}</button>
          </div>
        </Form>
      ) : null}

      <h2>{t("mentorship.progress")}</h2>
      {m.progress ? (
        <table>
          <caption>{t("mentorship.progressCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rating.dimension")}</th>
              <th scope="col" className="number">
                {t("mentorship.before", { date: m.progress.beforeDate ? formatDate(m.progress.beforeDate, language) : "—" })}
              </th>
              <th scope="col" className="number">
                {m.progress.afterDate
                  ? t("mentorship.after", { date: formatDate(m.progress.afterDate, language) })
                  : t("mentorship.noAfter")}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.progress.dimensions.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {dimensionName(t, d.id)}
                  {m.goals.some((g) => g.dimension === d.id) ? ` (${t("mentorship.workedOn")})` : ""}
                </th>
                <td className="number">{d.before === null ? "—" : formatNumber(d.before, language, { maximumFractionDigits: 1 })}</td>
                <td className="number">{d.after === null ? "—" : formatNumber(d.after, language, { maximumFractionDigits: 1 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{m.side === "mentor" ? t("mentorship.noConsent") : t("mentorship.noProgress")}</p>
      )}
      {m.side === "mentee" ? (
        <Form method="post" className="actions">
          <p>{m.shareProgress ? t("mentorship.consentGiven") : t("mentorship.consentNotGiven")}</p>
          <button type="submit" name="intent" value={m.shareProgress ? "withdraw" : "consent"} className="button-secondary">
            {m.shareProgress ? t("mentorship.withdrawConsent") : t("mentorship.giveConsent")}
          </button>
        </Form>
      ) : null}

      <h2>{t("mentorship.reviews")}</h2>
      {m.mentorReview ? (
        <p dir="auto">
          <strong>{t("mentorship.mentorReview")}</strong> {m.mentorReview}
        </p>
      ) : null}
      {m.menteeReview ? (
        <p dir="auto">
          <strong>{t("mentorship.menteeReview")}</strong> {m.menteeReview}
        </p>
      ) : null}
      {(m.status === "active" || m.status === "ended") && !ownReview ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="end" />
          <FormErrors id="end-errors" errors={errorsOf("end")} />
          <div className="field">
            <label htmlFor="review">{m.status === "active" ? t("mentorship.endWithReview") : t("mentorship.addReview")}</label>
            <textarea id="review" name="review" rows={3} required maxLength={2000} aria-describedby="review-errors" />
            <ErrorList id="review-errors" errors={fieldErrors("end", "review")} />
          </div>
          <div className="actions">
            <button type="submit">{m.status === "active" ? t("mentorship.end") : t("mentorship.saveReview")}</button>
          </div>
        </Form>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
