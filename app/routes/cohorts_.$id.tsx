import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/forms";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { TrustLabel } from "~/components/trust-label";
import { findInvitable, getCohort, inviteEnterprise, openCohortForum, type CohortRefusal } from "~/models/cohort.server";
import { requireUser } from "~/utils/auth.server";
import { COHORT_TABLES, cohortTables, type CohortTable } from "~/utils/cohort-tables";
import { InviteSchema } from "~/utils/cohort-validation";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { tierName } from "~/utils/methodology-text";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requireIdParam, requirePermission } from "~/utils/permissions.server";
import { countryName, sectorName } from "~/utils/reference-data";
import { MIN_GROUP } from "~/utils/sector-disclosure";

/**
 * A cohort as its organisation reads it: the enterprises that consented, with their rating and progress;
 * those invited, by their public name only; and the search to invite more. Anyone but the cohort's owner gets a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:cohorts");
  const id = requireIdParam(params);
  const cohort = await getCohort({ id, ownerId: user.id });
  if (!cohort) notFound();
  const query =
    new URL(request.url).searchParams
      .get("q")
      ?.replace(/[\u0000-\u001f]/g, "")
      .trim()
      .slice(0, 100) ?? "";
  const t = await getFixedT(request);
  return {
    title: cohort.name,
    heading: t("cohorts.pageTitle", { name: cohort.name }),
    cohort,
    query,
    found: await findInvitable({ cohortId: id, query }),
  };
}

const REFUSAL_STATUS: Record<CohortRefusal, number> = {
  not_found: 404,
  not_published: 404,
  already_invited: 409,
  not_owner: 403,
  not_open: 409,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:cohorts");
  const id = requireIdParam(params);
  const formData = await request.formData();
  if (formData.get("intent") === "open_forum") {
    const forum = await openCohortForum({ id, ownerId: user.id });
    if (!forum) notFound();
    return redirectWithNotice(`/forum/${forum.slug}`, "cohorts.notice.forumOpened");
  }
  const submission = parseWithZod(formData, { schema: InviteSchema });
  if (submission.status !== "success") return data(submission.reply({ formErrors: ["errors.invalid"] }), { status: 400 });
  const outcome = await inviteEnterprise({ cohortId: id, ownerId: user.id, enterpriseId: submission.value.enterpriseId });
  if (!outcome.ok) {
    if (outcome.refusal === "not_found") notFound();
    return data(submission.reply({ formErrors: [`cohorts.refusal.${outcome.refusal}`] }), { status: REFUSAL_STATUS[outcome.refusal] });
  }
  return redirectWithNotice(`/cohorts/${id}`, "cohorts.notice.invited");
}

export default function CohortPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { heading, cohort, query, found } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/cohorts">{t("cohorts.back")}</Link>
      </p>
      <h1 dir="auto">{heading}</h1>
      <p>
        <bdi>{cohort.organisation}</bdi> ·{" "}
        {t("cohorts.periodValue", { from: formatDate(cohort.startsOn, language), to: formatDate(cohort.endsOn, language) })}
      </p>
      <h2>{t("cohorts.forum.heading")}</h2>
      <p>{t("cohorts.forum.intro")}</p>
      {cohort.forum ? (
        <p>
          <Link to={`/forum/${cohort.forum}`}>{t("cohorts.forum.link")}</Link>
        </p>
      ) : (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="open_forum" />
          <button type="submit" className="button-secondary">
            {t("cohorts.forum.open")}
          </button>
        </Form>
      )}
      <h2>{t("cohorts.members")}</h2>
      <p>{t("cohorts.membersIntro")}</p>
      {cohort.members.length === 0 ? (
        <p>{t("cohorts.noMembers")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("cohorts.membersCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("cohorts.enterprise")}</th>
                <th scope="col">{t("cohorts.score")}</th>
                <th scope="col">{t("cohorts.tier")}</th>
                <th scope="col">{t("cohorts.trust")}</th>
                <th scope="col">{t("cohorts.planProgress")}</th>
                <th scope="col">{t("cohorts.sessions")}</th>
              </tr>
            </thead>
            <tbody>
              {cohort.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/enterprises/${m.enterprise.slug}`} dir="auto">
                      <bdi>{m.enterprise.name}</bdi>
                    </Link>
                  </th>
                  <td>{m.rating ? formatNumber(m.rating.overall, language, { maximumFractionDigits: 1 }) : t("cohorts.notRated")}</td>
                  <td>{m.rating ? tierName(t, m.rating.tier) : "—"}</td>
                  <td>{m.rating ? <TrustLabel trust={m.rating.trust} /> : "—"}</td>
                  <td>
                    {m.plan
                      ? t("cohorts.planDone", { done: formatNumber(m.plan.done, language), total: formatNumber(m.plan.total, language) })
                      : "—"}
                  </td>
                  <td>{formatNumber(m.sessions, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <CohortFiguresSection />
      <h2>{t("cohorts.invitedHeading")}</h2>
      {cohort.invited.length === 0 ? (
        <p>{t("cohorts.noInvited")}</p>
      ) : (
        <ul>
          {cohort.invited.map((m) => (
            <li key={m.id}>
              <Link to={`/enterprises/${m.enterprise.slug}`} dir="auto">
                <bdi>{m.enterprise.name}</bdi>
              </Link>{" "}
              · {t("cohorts.invitedOn", { date: formatDate(m.invitedAt, language) })}
            </li>
          ))}
        </ul>
      )}
      <h2 id="invite-heading">{t("cohorts.invite")}</h2>
      <p>{t("cohorts.inviteIntro")}</p>
      <Form method="get" className="actions" role="search" aria-labelledby="invite-heading">
        <label htmlFor="invite-search">{t("cohorts.search")}</label>
        <input id="invite-search" type="search" name="q" defaultValue={query} maxLength={100} />
        <button type="submit">{t("cohorts.searchSubmit")}</button>
      </Form>
      <FormErrors id="invite-errors" errors={lastResult?.error?.[""] ?? undefined} />
      {query ? (
        found.length === 0 ? (
          <p>{t("cohorts.noneFound")}</p>
        ) : (
          <ul>
            {found.map((e) => (
              <li key={e.id}>
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="invite" />
                  <input type="hidden" name="enterpriseId" value={e.id} />
                  <span>
                    <Link to={`/enterprises/${e.slug}`} dir="auto">
                      <bdi>{e.name}</bdi>
                    </Link>{" "}
                    · {sectorName(t, e.sector)} · {countryName(t, e.country)}
                  </span>
                  <button type="submit" aria-label={t("cohorts.inviteLabel", { name: e.name })}>
                    {t("cohorts.inviteButton")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

/** The cohort's figures for the organisation's own funders, and the downloads of them and of the enterprises. */
function CohortFiguresSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { cohort } = useLoaderData<typeof loader>();
  const figures = cohortTables(cohort, t, (path) => path).figures;
  const exportHref = (table: CohortTable, format: "csv" | "xlsx") =>
    `/cohorts/${cohort.id}/export/${table}${format === "xlsx" ? "?format=xlsx" : ""}`;
  return (
    <>
      <h2>{t("cohorts.figures.heading")}</h2>
      <p>{t("cohorts.figures.intro", { min: formatNumber(MIN_GROUP, language) })}</p>
      {cohort.figures.figures ? (
        <TableScroll>
          <table>
            <TableCaption>{t("cohorts.figures.caption")}</TableCaption>
            <thead>
              <tr>
                {figures.header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.rows.map(([label, value]) => (
                <tr key={String(label)}>
                  <th scope="row">{label}</th>
                  <td>{typeof value === "number" ? formatNumber(value, language, { maximumFractionDigits: 2 }) : value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>
          {t("cohorts.figures.withheldNote", {
            rated: formatNumber(cohort.figures.rated, language),
            min: formatNumber(MIN_GROUP, language),
          })}
        </p>
      )}
      <p className="actions">
        {COHORT_TABLES.flatMap((table) =>
          (["csv", "xlsx"] as const).map((format) => (
            <a key={`${table}-${format}`} href={exportHref(table, format)} download>
              {t(`cohorts.exports.${table}${format === "csv" ? "Csv" : "Xlsx"}`)}
            </a>
          )),
        )}
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
