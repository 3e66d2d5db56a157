import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOrganisation, listCompletedReviews, listQueue, takeVerification } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, userCan } from "~/utils/permissions.server";
import { COUNTRY_CODES, countryName, sectorName } from "~/utils/reference-data";
import { IdSchema, PageSchema } from "~/utils/validation";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const isVerifier = userCan(user, "verify:assessments");
  const isAdmin = userCan(user, "read:verifications:any");
  if (!isVerifier && !isAdmin) forbidden();
  const requested = new URL(request.url).searchParams.get("country")?.trim().toUpperCase() || undefined;
  const country = requested && (COUNTRY_CODES as readonly string[]).includes(requested) ? requested : undefined;
  const completedPage = PageSchema.parse(new URL(request.url).searchParams.get("completedPage") ?? 1);
  const t = await getFixedT(request);
  const verifierId = isAdmin ? null : user.id;
  const [queue, completed, organisation] = await Promise.all([
    listQueue({ country, verifierId }),
    listCompletedReviews({ country, verifierId, page: completedPage }),
    getOrganisation(user.id),
  ]);
  return {
    title: t("verification.queueTitle"),
    country: country ?? "",
    ignoredCountry: Boolean(requested && !country),
    isVerifier,
    needsOrganisation: isVerifier && !organisation?.organisation,
    isAdmin,
    queue,
    completed,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!userCan(user, "verify:assessments")) forbidden();
  const formData = await request.formData();
  const id = IdSchema.safeParse(formData.get("verificationId"));
  if (formData.get("intent") !== "take" || !id.success) return data({ error: "verification.errors.unknown" }, { status: 400 });
  const outcome = await takeVerification({ id: id.data, verifierId: user.id });
  if (!outcome.ok)
    return data(
      { error: `verification.errors.${outcome.error}` },
      { status: outcome.error === "not_found" ? 404 : outcome.error === "taken" ? 409 : 403 },
    );
  return redirectWithNotice(`/verification/${id.data}`, "verification.reviewNotice.taken");
}

export default function VerificationQueuePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, country, ignoredCountry, isVerifier, needsOrganisation, isAdmin, queue, completed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const completedPageLink = (n: number) =>
    `?${new URLSearchParams({ ...(country ? { country } : {}), completedPage: String(n) })}#completed-heading`;
  return (
    <article>
      <h1>{title}</h1>
      <p>{t("verification.queueIntro")}</p>
      {needsOrganisation ? (
        <p className="notice notice-warning">
          {t("verification.needsOrganisation")} <Link to="/settings/organisation">{t("verification.organisationTitle")}</Link>
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="form-errors">
          {t(actionData.error)}
        </p>
      ) : null}
      {ignoredCountry ? (
        <p role="status" className="notice notice-warning">
          {t("sector.ignored", { names: "country" })}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="queue-country">{t("sector.country")}</label>
          <select id="queue-country" name="country" defaultValue={country}>
            <option value="">{t("verification.allCountries")}</option>
            {COUNTRY_CODES.map((code) => (
              <option key={code} value={code}>
                {countryName(t, code)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t("sector.apply")}</button>
        </div>
      </Form>

      <h2>{t("verification.waiting")}</h2>
      {queue.waiting.length === 0 ? (
        <p>{t("verification.queueEmpty")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("verification.waitingCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("verification.requestedOn")}</th>
                <th scope="col">{t("directory.name")}</th>
                <th scope="col">{t("sector.country")}</th>
                <th scope="col">{t("sector.sector")}</th>
                {isVerifier ? <th scope="col">{t("verification.action")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {queue.waiting.map((v) => (
                <tr key={v.id}>
                  <td>{formatDate(v.requestedAt, language)}</td>
                  <th scope="row">{v.assessment.enterprise.name}</th>
                  <td>{countryName(t, v.assessment.enterprise.country)}</td>
                  <td>{sectorName(t, v.assessment.enterprise.sector)}</td>
                  {isVerifier ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="verificationId" value={v.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="take"
                          aria-label={t("verification.takeThis", { name: v.assessment.enterprise.name })}
                        >
                          {t("verification.take")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>{t("verification.inReview")}</h2>
      {queue.inReview.length === 0 ? (
        <p>{t("verification.inReviewEmpty")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("verification.inReviewCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("verification.takenOn")}</th>
                <th scope="col">{t("directory.name")}</th>
                <th scope="col">{t("sector.country")}</th>
                <th scope="col">{t("verification.verifier")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.inReview.map((v) => (
                <tr key={v.id}>
                  <td>{v.takenAt ? formatDate(v.takenAt, language) : ""}</td>
                  <th scope="row">
                    <Link to={`/verification/${v.id}`}>{v.assessment.enterprise.name}</Link>
                  </th>
                  <td>{countryName(t, v.assessment.enterprise.country)}</td>
                  <td>{v.verifier?.displayName ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2 id="completed-heading">{t(isAdmin ? "verification.completedAll" : "verification.completedMine")}</h2>
      {completed.reviews.length === 0 ? (
        <p>{t("verification.completedEmpty")}</p>
      ) : (
        <>
          <TableScroll>
            <table>
              <TableCaption>{t("verification.completedCaption")}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t("verification.completedOn")}</th>
                  <th scope="col">{t("directory.name")}</th>
                  <th scope="col">{t("sector.country")}</th>
                  <th scope="col">{t("verification.completedScore")}</th>
                  {isAdmin ? <th scope="col">{t("verification.verifier")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {completed.reviews.map((v) => (
                  <tr key={v.id}>
                    <td>{v.completedAt ? formatDate(v.completedAt, language) : ""}</td>
                    <th scope="row">
                      <Link to={`/verification/${v.id}`}>{v.assessment.enterprise.name}</Link>
                    </th>
                    <td>{countryName(t, v.assessment.enterprise.country)}</td>
                    <td>{v.overall === null ? "" : formatNumber(v.overall, language, { maximumFractionDigits: 1 })}</td>
                    {isAdmin ? <td>{[v.verifier?.displayName, v.organisation].filter(Boolean).join(", ")}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {completed.pages > 1 ? (
            <nav aria-label={t("verification.completedPages")} className="actions">
              {completed.page > 1 ? <Link to={completedPageLink(completed.page - 1)}>{t("pagination.previous")}</Link> : null}
              <span>{t("pagination.pageOf", { page: completed.page, pages: completed.pages })}</span>
              {completed.page < completed.pages ? <Link to={completedPageLink(completed.page + 1)}>{t("pagination.next")}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
