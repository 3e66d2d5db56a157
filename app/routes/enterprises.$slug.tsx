import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { useTranslation } from "react-i18next";
import { ConfirmEmailNotice, useEmailConfirmed } from "~/components/confirm-email";
import { ContributeSection } from "~/components/contribute-form";
import { Paragraphs } from "~/components/paragraphs";
import { RatingSummary } from "~/components/rating-summary";
import { TrustLabel } from "~/components/trust-label";
import type { ScoreResult } from "../../scoring";
import { methodologyOf } from "~/models/assessment.server";
import { PeerTable } from "~/components/peer-table";
import { startContribution } from "~/models/contribution.server";
import { getEnterpriseBySlug, getMembership, requireEnterpriseMember, setPublished } from "~/models/enterprise.server";
import { findEnterpriseProfile, getEnterprisePageParts } from "~/models/enterprise-page.server";
import { EnterpriseThreads } from "~/components/forum";
import { contributeSchema } from "~/utils/contribution-validation";
import { getOptionalUser, requireUser, type SessionUser } from "~/utils/auth.server";
import { absoluteUrl, getEnv } from "~/utils/env.server";
import { formatDate, formatNumber, formatVersion } from "~/utils/format";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { withCategoryNamedIn } from "~/utils/localized-text";
import { languageLinks, shareImage } from "~/utils/page-links.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requireConfirmedEmail, userCan } from "~/utils/permissions.server";
import { contributionCurrencies, stripeConfigured } from "~/utils/stripe.server";
import {
  REGIONS,
  type CountryCode,
  beneficiaryGroupName,
  countryName,
  legalFormName,
  sdgLabel,
  sectorName,
  regionName,
} from "~/utils/reference-data";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { RegisterMark } from "~/components/register-mark";
import { LegalStatus } from "~/components/legal-status";
import { countWaitingInvitations } from "~/models/cohort.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const enterprise = params.slug ? await findEnterpriseProfile(params.slug) : null;
  if (!enterprise) notFound();
  const user = await getOptionalUser(request);
  const membership = user ? await getMembership({ enterpriseId: enterprise.id, userId: user.id }) : null;
  const isAdmin = userCan(user, "update:enterprise:any");
  if (enterprise.status === "draft" && !membership && !userCan(user, "read:enterprise-draft:any")) notFound();
  const url = new URL(request.url);
  // Stripe sends a contributor who cancelled back here: say so once, on the page itself.
  if (url.searchParams.get("contribution") === "cancelled") throw await redirectWithNotice(url.pathname, "contribute.cancelled");
  const [t, language, { rating, peers, history, forumThreads, forumPeople, nationalRegister }, cohortInvitations] = await Promise.all([
    getFixedT(request),
    getLanguage(request),
    getEnterprisePageParts(enterprise),
    // Invitations into an enabling organisation's cohort, waiting for an owner's answer: members only.
    membership ? countWaitingInvitations(enterprise.id) : 0,
  ]);
  return {
    // An individual entrepreneur's number is their personal IIN/INN: only members see it.
    enterprise: { ...enterprise, taxId: enterprise.legalForm === "sole_proprietor" && !membership && !isAdmin ? null : enterprise.taxId },
    rating: rating
      ? {
          result: publicSummary(rating.result),
          submittedAt: rating.submittedAt,
          methodology: pickMethodology(rating.methodologyVersion),
          trust: rating.trust,
        }
      : null,
    peers,
    nationalRegister,
    history,
    contribute: {
      configured: stripeConfigured(),
      signedIn: Boolean(user),
      currencies: contributionCurrencies(),
      attempt: randomUUID(),
    },
    canEdit: Boolean(membership) || isAdmin,
    cohortInvitations,
    isOwner: membership?.role === "owner" || isAdmin,
    // Open Graph's address of the page: from PUBLIC_URL, never from the Host header a client sends.
    url: absoluteUrl(`/enterprises/${enterprise.slug}`),
    languageLinks: languageLinks(request, `/enterprises/${enterprise.slug}`),
    shareImage: shareImage(),
    siteName: t("site.name"),
    forum: { threads: withCategoryNamedIn(forumThreads, language), people: Object.fromEntries(forumPeople), canStart: Boolean(membership) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "contribute") return contribute(request, params.slug, user, formData);
  const { enterprise } = await requireEnterpriseMember(user, params.slug, { ownerOnly: true });
  if (intent !== "publish" && intent !== "unpublish") {
    throw new Response("Unknown action", { status: 400 });
  }
  if (intent === "publish") requireConfirmedEmail(user);
  await setPublished({ id: enterprise.id, published: intent === "publish" });
  return redirectWithNotice(`/enterprises/${enterprise.slug}`, `enterprise.notice.${intent}ed`);
}

/** What the public page shows of a published rating: the summary, not the answer-by-answer detail. */
function publicSummary(result: ScoreResult): ScoreResult {
  return { ...result, contributions: [], improvements: [] };
}

function pickMethodology(version: string) {
  const { dimensions, tiers } = methodologyOf(version);
  return { version, dimensions, tiers };
}

/** Any signed-in person may contribute to a published enterprise; Stripe's page takes it from here. */
async function contribute(request: Request, slug: string | undefined, user: SessionUser, formData: FormData) {
  const enterprise = slug ? await getEnterpriseBySlug(slug) : null;
  if (!enterprise || enterprise.status !== "published") notFound();
  const submission = parseWithZod(formData, { schema: contributeSchema(contributionCurrencies()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await startContribution({ user, enterprise, input: submission.value, origin: getEnv().PUBLIC_URL });
  if ("url" in result) return redirect(result.url, 303);
  return data(submission.reply({ formErrors: [result.formError] }), { status: result.status });
}

export default function EnterprisePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { enterprise, canEdit, isOwner, contribute, rating, peers, history, forum, nationalRegister, cohortInvitations } =
    useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const emailConfirmed = useEmailConfirmed();
  const country = enterprise.country as CountryCode;
  const region = REGIONS[country]?.find((r) => r.code === enterprise.region);
  return (
    <article>
      <h1>{enterprise.name}</h1>
      <p>
        <span className={`badge badge-${enterprise.status}`}>{t(`enterprise.status.${enterprise.status}`)}</span>{" "}
        {sectorName(t, enterprise.sector)} · {region ? `${regionName(t, region.code)}, ` : ""}
        {countryName(t, country)}
      </p>
      <RegisterMark registration={nationalRegister} country={country} />
      {canEdit ? (
        <div className="actions">
          <Link className="button button-secondary" to={`/enterprises/${enterprise.slug}/edit`}>
            {t("enterprise.edit")}
          </Link>
          <Link className="button button-secondary" to={`/enterprises/${enterprise.slug}/members`}>
            {t("enterprise.members")}
          </Link>
          <Link className="button" to={`/enterprises/${enterprise.slug}/assessments`}>
            {t("enterprise.assessments")}
          </Link>
          <Link className="button button-secondary" to={`/enterprises/${enterprise.slug}/contributions`}>
            {t("enterprise.contributionsReceived")}
          </Link>
          <Link className="button button-secondary" to={`/enterprises/${enterprise.slug}/cohorts`}>
            {t("cohorts.enterpriseLink")}
          </Link>
          {isOwner && !(enterprise.status === "draft" && !emailConfirmed) ? (
            <Form method="post">
              {enterprise.status === "draft" ? (
                <button type="submit" name="intent" value="publish">
                  {t("enterprise.publish")}
                </button>
              ) : (
                <button type="submit" name="intent" value="unpublish" className="button-secondary">
                  {t("enterprise.unpublish")}
                </button>
              )}
            </Form>
          ) : null}
        </div>
      ) : null}
      {cohortInvitations > 0 ? (
        <p className="notice">
          {t("cohorts.waitingNotice", { count: cohortInvitations })}{" "}
          <Link to={`/enterprises/${enterprise.slug}/cohorts`}>{t("cohorts.answerInvitations")}</Link>
        </p>
      ) : null}
      {enterprise.status === "draft" ? <p className="notice notice-warning">{t("enterprise.draftNotice")}</p> : null}
      {isOwner && enterprise.status === "draft" ? <ConfirmEmailNotice reason="publish" /> : null}
      <section aria-labelledby="rating-heading">
        <h2 id="rating-heading">{t("rating.title")}</h2>
        {rating ? (
          <>
            <RatingSummary
              result={rating.result}
              methodology={rating.methodology}
              submittedAt={rating.submittedAt}
              headingLevel={3}
              trust={rating.trust}
            />
            <h3>{t("results.peers")}</h3>
            <PeerTable peers={peers} dimensions={rating.methodology.dimensions} />
            <h3>{t("enterprise.ratingHistory")}</h3>
            <TableScroll>
              <table>
                <TableCaption>{t("enterprise.ratingHistoryCaption")}</TableCaption>
                <thead>
                  <tr>
                    <th scope="col">{t("history.date")}</th>
                    <th scope="col">{t("history.version")}</th>
                    <th scope="col" className="number">
                      {t("rating.score")}
                    </th>
                    <th scope="col">{t("sector.trust")}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.submittedAt?.toString()}>
                      <td>{h.submittedAt ? formatDate(h.submittedAt, language) : ""}</td>
                      <td>{formatVersion(h.methodologyVersion, language)}</td>
                      <td className="number">{formatNumber(h.overall ?? 0, language, { maximumFractionDigits: 1 })}</td>
                      <td>
                        <TrustLabel trust={h.trust} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : (
          <p>{t("rating.none")}</p>
        )}
      </section>
      <h2>{t("enterprise.fields.mission")}</h2>
      <p>{enterprise.mission}</p>
      <h2>{t("enterprise.about")}</h2>
      <Paragraphs text={enterprise.description} />
      <dl className="facts">
        <dt>{t("enterprise.fields.legalForm")}</dt>
        <dd>{legalFormName(t, enterprise.legalForm)}</dd>
        <dt>{t("enterprise.fields.city")}</dt>
        <dd>{enterprise.city}</dd>
        <dt>{t("enterprise.fields.foundedYear")}</dt>
        <dd>{formatNumber(enterprise.foundedYear, language, { useGrouping: false })}</dd>
        <dt>{t("enterprise.fields.employees")}</dt>
        <dd>{formatNumber(enterprise.employees, language)}</dd>
        <dt>{t("enterprise.leadership")}</dt>
        <dd>
          {[enterprise.womenLed ? t("enterprise.fields.womenLed") : null, enterprise.youthLed ? t("enterprise.fields.youthLed") : null]
            .filter(Boolean)
            .join("; ") || t("enterprise.none")}
        </dd>
        {enterprise.website ? (
          <>
            <dt>{t("enterprise.fields.website")}</dt>
            <dd>
              <a href={enterprise.website} rel="nofollow noopener noreferrer">
                {enterprise.website}
              </a>
            </dd>
          </>
        ) : null}
        {enterprise.publishedAt && enterprise.status === "published" ? (
          <>
            <dt>{t("enterprise.publishedOn")}</dt>
            <dd>{formatDate(enterprise.publishedAt, language)}</dd>
          </>
        ) : null}
      </dl>
      <LegalStatus enterprise={enterprise} canEdit={canEdit} />
      <h2>{t("enterprise.fields.sdgs")}</h2>
      {enterprise.sdgs.length ? (
        <ul>
          {enterprise.sdgs.map((n) => (
            <li key={n}>{sdgLabel(t, n, language)}</li>
          ))}
        </ul>
      ) : (
        <p>{t("enterprise.none")}</p>
      )}
      <h2>{t("enterprise.fields.beneficiaryGroups")}</h2>
      {enterprise.beneficiaryGroups.length ? (
        <ul>
          {enterprise.beneficiaryGroups.map((group) => (
            <li key={group}>{beneficiaryGroupName(t, group)}</li>
          ))}
        </ul>
      ) : (
        <p>{t("enterprise.none")}</p>
      )}
      {enterprise.status === "published" && contribute.signedIn ? (
        <Form method="post" action="/shortlists" className="actions">
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="enterprise" value={enterprise.slug} />
          <input type="hidden" name="redirectTo" value={`/enterprises/${enterprise.slug}`} />
          <button type="submit" className="button-secondary">
            {t("shortlists.add")}
          </button>
        </Form>
      ) : null}
      {enterprise.status === "published" ? (
        <>
          <ContributeSection slug={enterprise.slug} {...contribute} lastResult={actionResult ?? undefined} />
          <EnterpriseThreads threads={forum.threads} people={forum.people} canStart={forum.canStart} />
        </>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Ortaq" }];
  const description = data.enterprise.mission.slice(0, 200);
  return [
    { title: `${data.enterprise.name} · Ortaq` },
    { name: "description", content: description },
    { property: "og:title", content: data.enterprise.name },
    { property: "og:description", content: description },
    { property: "og:type", content: "website" },
    { property: "og:url", content: data.url },
    { property: "og:site_name", content: data.siteName },
    { property: "og:image", content: data.shareImage.url },
    { property: "og:image:width", content: String(data.shareImage.width) },
    { property: "og:image:height", content: String(data.shareImage.height) },
    { property: "og:image:alt", content: data.siteName },
    { tagName: "link", rel: "canonical", href: data.languageLinks.canonical },
    ...data.languageLinks.alternates.map(({ hrefLang, href }) => ({ tagName: "link", rel: "alternate", hrefLang, href })),
    ...(data.enterprise.status === "draft" ? [{ name: "robots", content: "noindex" }] : []),
  ];
};
