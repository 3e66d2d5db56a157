import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/forms";
import { leaveCohort, listCohortsOfEnterprise, respondToInvitation, type CohortRefusal } from "~/models/cohort.server";
import { requireEnterpriseMember } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { CohortAnswerSchema } from "~/utils/cohort-validation";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";

/** An enterprise's cohort invitations and the cohorts it is in: its members read them, its owners answer and leave. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, role } = await requireEnterpriseMember(user, params.slug);
  const t = await getFixedT(request);
  const rows = await listCohortsOfEnterprise(enterprise.id);
  const cohorts = rows.map((r) => ({
    id: r.id,
    status: r.status,
    invitedAt: r.invitedAt,
    respondedAt: r.respondedAt,
    name: r.cohort.name,
    startsOn: r.cohort.startsOn,
    endsOn: r.cohort.endsOn,
    organisation: r.cohort.owner.organisation ?? r.cohort.owner.displayName,
  }));
  return {
    title: t("cohorts.enterpriseTitle", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    isOwner: role === "owner",
    invitations: cohorts.filter((c) => c.status === "invited"),
    memberships: cohorts.filter((c) => c.status === "accepted"),
  };
}

const REFUSAL_STATUS: Record<CohortRefusal, number> = {
  not_found: 404,
  not_published: 404,
  already_invited: 409,
  not_owner: 403,
  not_open: 409,
};
const NOTICE = { accept: "cohorts.notice.accepted", decline: "cohorts.notice.declined", leave: "cohorts.notice.left" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug, { ownerOnly: true });
  const submission = parseWithZod(await request.formData(), { schema: CohortAnswerSchema });
  if (submission.status !== "success") return data(submission.reply({ formErrors: ["errors.invalid"] }), { status: 400 });
  const { intent, memberId } = submission.value;
  const input = { memberId, enterpriseId: enterprise.id, userId: user.id };
  const outcome = intent === "leave" ? await leaveCohort(input) : await respondToInvitation({ ...input, accept: intent === "accept" });
  if (!outcome.ok) {
    return data(submission.reply({ formErrors: [`cohorts.refusal.${outcome.refusal}`] }), { status: REFUSAL_STATUS[outcome.refusal] });
  }
  return redirectWithNotice(`/enterprises/${enterprise.slug}/cohorts`, NOTICE[intent]);
}

export default function EnterpriseCohortsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, enterprise, isOwner, invitations, memberships } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const period = (c: { startsOn: Date | string; endsOn: Date | string }) =>
    t("cohorts.periodValue", { from: formatDate(c.startsOn, language), to: formatDate(c.endsOn, language) });
  return (
    <section>
      <p>
        <Link to={`/enterprises/${enterprise.slug}`}>{t("cohorts.backToEnterprise", { name: enterprise.name })}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("cohorts.enterpriseIntro")}</p>
      <FormErrors id="cohort-errors" errors={lastResult?.error?.[""] ?? undefined} />
      <h2>{t("cohorts.invitations")}</h2>
      {invitations.length === 0 ? (
        <p>{t("cohorts.noInvitations")}</p>
      ) : (
        invitations.map((c) => (
          <article key={c.id} className="card" aria-labelledby={`invitation-${c.id}`}>
            <h3 id={`invitation-${c.id}`} dir="auto">
              {c.name}
            </h3>
            <p>
              {t("cohorts.invitedBy", { organisation: c.organisation, date: formatDate(c.invitedAt, language) })} · {period(c)}
            </p>
            <p>{t("cohorts.consentExplained", { organisation: c.organisation })}</p>
            {isOwner ? (
              <Form method="post" className="actions">
                <input type="hidden" name="memberId" value={c.id} />
                <button type="submit" name="intent" value="accept">
                  {t("cohorts.accept")}
                </button>
                <button type="submit" name="intent" value="decline" className="button-secondary">
                  {t("cohorts.decline")}
                </button>
              </Form>
            ) : (
              <p className="field-hint">{t("cohorts.ownersAnswer")}</p>
            )}
          </article>
        ))
      )}
      <h2>{t("cohorts.inCohorts")}</h2>
      {memberships.length === 0 ? (
        <p>{t("cohorts.notInCohorts")}</p>
      ) : (
        <ul>
          {memberships.map((c) => (
            <li key={c.id}>
              <Form method="post" className="actions">
                <input type="hidden" name="memberId" value={c.id} />
                <span>
                  <bdi>{c.name}</bdi> · {c.organisation} · {period(c)}
                  {c.respondedAt ? ` · ${t("cohorts.sharingSince", { date: formatDate(c.respondedAt, language) })}` : ""}
                </span>
                {isOwner ? (
                  <button
                    type="submit"
                    name="intent"
                    value="leave"
                    className="button-secondary"
                    aria-label={t("cohorts.leaveLabel", { name: c.name })}
                  >
                    {t("cohorts.leave")}
                  </button>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
