import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listConsultations, ministryCountries, type ConsultationRow } from "~/models/forum-consultation.server";
import { getOptionalUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";

export async function loader({ request }: LoaderFunctionArgs) {
  const requested = new URL(request.url).searchParams.get("country") ?? "";
  if (requested && !(COUNTRY_CODES as readonly string[]).includes(requested)) throw new Response("Unknown country", { status: 400 });
  const [t, user, consultations] = await Promise.all([
    getFixedT(request),
    getOptionalUser(request),
    listConsultations({ country: requested || undefined }),
  ]);
  return {
    title: t("forumModeration.consultations.title"),
    country: requested,
    mayOpen: ministryCountries(user).length > 0,
    ...consultations,
  };
}

function ConsultationList({ items, open }: { items: ConsultationRow[]; open: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ul className="thread-list">
      {items.map((c) => (
        <li key={c.threadId} className="thread-item">
          <h3 className="thread-title">
            <Link to={`/forum/consultations/${c.threadId}`}>{c.thread.title}</Link>{" "}
            <span className={`badge ${open ? "badge-open" : "badge-closed"}`}>
              {open ? t("forumModeration.consultation.open") : t("forumModeration.consultation.closed")}
            </span>
          </h3>
          <p className="thread-meta">
            {countryName(t, c.country)} · {c.thread.author.displayName} ·{" "}
            {open
              ? t("forumModeration.consultation.closesOn", { date: formatDate(c.closesAt, language) })
              : t("forumModeration.consultation.closedOn", { date: formatDate(c.closedAt ?? c.closesAt, language) })}
            {" · "}
            {t("forumModeration.consultations.replies", { count: c.thread.postCount - 1 })}
            {!open ? (
              <> · {c.summary ? t("forumModeration.consultations.summaryPublished") : t("forumModeration.consultations.summaryPending")}</>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function ConsultationsPage() {
  const { t } = useTranslation();
  const { title, country, mayOpen, open, closed } = useLoaderData<typeof loader>();
  return (
    <section className="forum">
      <h1>{title}</h1>
      <p>{t("forumModeration.consultations.intro")}</p>
      {mayOpen ? (
        <p>
          <Link to="/forum/consultations/new" className="button">
            {t("forumModeration.consultations.new")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="form filter-form">
        <div className="field">
          <label htmlFor="consultation-country">{t("forumModeration.consultations.country")}</label>
          <select id="consultation-country" name="country" defaultValue={country} key={country}>
            <option value="">{t("forumModeration.consultations.allCountries")}</option>
            {COUNTRY_CODES.map((code) => (
              <option key={code} value={code}>
                {countryName(t, code)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t("forumModeration.consultations.filter")}</button>
        </div>
      </Form>
      <h2>{t("forumModeration.consultations.openHeading")}</h2>
      {open.length === 0 ? <p>{t("forumModeration.consultations.noneOpen")}</p> : <ConsultationList items={open} open />}
      <h2>{t("forumModeration.consultations.closedHeading")}</h2>
      {closed.length === 0 ? <p>{t("forumModeration.consultations.noneClosed")}</p> : <ConsultationList items={closed} open={false} />}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
