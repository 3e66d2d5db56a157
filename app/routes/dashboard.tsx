import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmEmailNotice } from "~/components/confirm-email";
import { TrustLabel } from "~/components/trust-label";
import { ShortlistLinks } from "~/components/shortlist-links";
import { listGivenContributions } from "~/models/contribution.server";
import { countFlaggedPosts } from "~/models/forum-moderation.server";
import { listShortlists } from "~/models/shortlist.server";
import { countQueue } from "~/models/verification.server";
import { listMemberEnterprises } from "~/models/enterprise.server";
import { registerCountriesOf } from "~/models/register.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { formatMoney } from "~/utils/money";
import { userCan } from "~/utils/permissions.server";
import { tierName } from "~/utils/methodology-text";
import { countryName } from "~/utils/reference-data";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // What waits for each role: a verifier's queue, a moderator's flagged posts, a funder's shortlists.
  const [t, memberships, contributions, verification, flaggedPosts, shortlists] = await Promise.all([
    getFixedT(request),
    listMemberEnterprises(user.id),
    listGivenContributions(user.id),
    userCan(user, "verify:assessments") ? countQueue(user.id) : null,
    userCan(user, "moderate:forum") ? countFlaggedPosts() : null,
    user.roles.some((r) => r.role === "funder") ? listShortlists(user.id) : null,
  ]);
  return {
    title: t("dashboard.title"),
    user: { displayName: user.displayName, roles: user.roles },
    memberships,
    contributions,
    verification,
    flaggedPosts,
    shortlists,
    // An admin, or a ministry official for their own country, imports the national registers.
    canImportRegisters: registerCountriesOf(user).length > 0,
    // A support organisation runs cohorts.
    canManageCohorts: userCan(user, "manage:cohorts"),
  };
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { user, memberships, contributions, canImportRegisters, canManageCohorts, verification, flaggedPosts, shortlists } =
    useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("dashboard.greeting", { name: user.displayName })}</h1>
      <ConfirmEmailNotice reason="general" />
      <p>
        {t("dashboard.yourRoles")}:{" "}
        {user.roles.map((r) => `${t(`roles.${r.role}`)}${r.country ? ` (${countryName(t, r.country)})` : ""}`).join(", ")}
      </p>
      {canManageCohorts ? (
        <p>
          <Link to="/cohorts">{t("cohorts.title")}</Link>
        </p>
      ) : null}
      {canImportRegisters ? (
        <p>
          <Link to="/admin/registers">{t("registers.importLink")}</Link>
        </p>
      ) : null}
      {verification ? (
        <>
          <h2>
            <Link to="/verification">{t("verification.queueTitle")}</Link>
          </h2>
          <p>
            {t("verification.waiting")}: {formatNumber(verification.waiting, i18n.language)} · {t("verification.inReview")}:{" "}
            {formatNumber(verification.inReview, i18n.language)}
          </p>
        </>
      ) : null}
      {flaggedPosts !== null ? (
        <>
          <h2>
            <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link>
          </h2>
          <p>{flaggedPosts > 0 ? t("forumModeration.queue.count", { count: flaggedPosts }) : t("forumModeration.queue.empty")}</p>
        </>
      ) : null}
      {shortlists ? (
        <>
          <h2>
            <Link to="/shortlists">{t("shortlists.title")}</Link>
          </h2>
          {shortlists.length === 0 ? <p>{t("shortlists.none")}</p> : <ShortlistLinks shortlists={shortlists} />}
        </>
      ) : null}
      <h2>{t("dashboard.enterprises")}</h2>
      {memberships.length === 0 ? <p>{t("dashboard.noEnterprises")}</p> : null}
      <ul className="cards">
        {memberships.map(({ enterprise, role, rating, draftId }) => (
          <li key={enterprise.slug} className="card">
            <h3>
              <Link to={`/enterprises/${enterprise.slug}`}>{enterprise.name}</Link>
            </h3>
            <p>
              <span className={`badge badge-${enterprise.status}`}>{t(`enterprise.status.${enterprise.status}`)}</span>{" "}
              {t(`members.roles.${role}`)}
            </p>
            {rating ? (
              <>
                <p>
                  <strong>{formatNumber(rating.overall, i18n.language, { maximumFractionDigits: 1 })}</strong> /{" "}
                  {formatNumber(100, i18n.language)} · {tierName(t, rating.tier)} · <TrustLabel trust={rating.trust} />
                </p>
                {rating.plan.total > 0 ? (
                  <p>
                    {t("cohorts.planProgress")}:{" "}
                    {t("cohorts.planDone", {
                      done: formatNumber(rating.plan.done, i18n.language),
                      total: formatNumber(rating.plan.total, i18n.language),
                    })}
                  </p>
                ) : null}
              </>
            ) : (
              <p>{t("cohorts.notRated")}</p>
            )}
            <p>
              {draftId ? (
                <Link to={`/enterprises/${enterprise.slug}/assessments/${draftId}`}>{t("history.continueDraft")}</Link>
              ) : (
                <Link to={`/enterprises/${enterprise.slug}/assessments`}>{t("enterprise.assessments")}</Link>
              )}
            </p>
            <p>
              {t("dashboard.updated")}: {formatDate(enterprise.updatedAt, i18n.language)}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link className="button" to="/enterprises/new">
          {t("dashboard.createEnterprise")}
        </Link>
      </p>
      <h2>{t("dashboard.contributions")}</h2>
      {contributions.length === 0 ? (
        <p>{t("dashboard.noContributions")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("dashboard.contributionsCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("contributions.date")}</th>
                <th scope="col">{t("contributions.enterprise")}</th>
                <th scope="col" className="number">
                  {t("contributions.amount")}
                </th>
                <th scope="col">{t("contributions.status")}</th>
                <th scope="col">{t("contributions.receipt")}</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.paidAt ?? c.createdAt, i18n.language)}</td>
                  <td>
                    <Link to={`/enterprises/${c.enterprise.slug}`}>{c.enterprise.name}</Link>
                  </td>
                  <td className="number">{formatMoney(c.amount, c.currency, i18n.language)}</td>
                  <td>{t(`contributions.statuses.${c.status}`)}</td>
                  <td>
                    {c.receiptUrl ? (
                      <a href={c.receiptUrl} rel="noopener noreferrer">
                        {t("contributions.receiptLink", { enterprise: c.enterprise.name })}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
