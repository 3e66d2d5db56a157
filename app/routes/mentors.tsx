import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMentorProfile, listApprovedMentors, listMentorshipsOfMentor } from "~/models/mentorship.server";
import { getOptionalUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { LANGUAGE_NAMES, type Language } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { dimensionName } from "~/utils/methodology-text";
import { userCan } from "~/utils/permissions.server";
import { countryName, sectorName } from "~/utils/reference-data";
import { pageMeta } from "~/utils/page-meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const t = await getFixedT(request);
  const [mentors, own, mentees] = await Promise.all([
    listApprovedMentors(),
    user ? getMentorProfile(user.id) : null,
    user ? listMentorshipsOfMentor(user.id) : [],
  ]);
  return {
    title: t("mentorship.mentorsTitle"),
    description: t("mentorship.mentorsIntro"),
    signedIn: Boolean(user),
    canApprove: userCan(user, "approve:mentors"),
    ownStatus: own?.status ?? null,
    mentees,
    mentors: mentors.map((m) => ({
      id: m.userId,
      name: m.user.displayName,
      bio: m.bio,
      dimensions: m.dimensions,
      sectors: m.sectors,
      countries: m.countries,
      languages: m.languages,
      availability: m.availability,
      full: m.active >= m.capacity,
    })),
  };
}

export default function MentorsPage() {
  const { t, i18n } = useTranslation();
  const { title, signedIn, canApprove, ownStatus, mentees, mentors } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{title}</h1>
      <p>{t("mentorship.mentorsIntro")}</p>
      {signedIn ? (
        <p>
          {ownStatus ? `${t(`mentorship.offerStatus.${ownStatus}`)} ` : null}
          <Link to="/mentors/new">{ownStatus ? t("mentorship.editOffer") : t("mentorship.offer")}</Link>
          {canApprove ? (
            <>
              {" · "}
              <Link to="/admin/mentors">{t("mentorship.queueTitle")}</Link>
            </>
          ) : null}
        </p>
      ) : (
        <p>
          <Link to="/login?redirectTo=/mentors/new">{t("mentorship.logInToOffer")}</Link>
        </p>
      )}
      {mentees.length > 0 ? (
        <>
          <h2>{t("mentorship.yourMentees")}</h2>
          <ul>
            {mentees.map((m) => (
              <li key={m.id}>
                <Link to={`/mentorships/${m.id}`}>{m.enterprise.name}</Link> · {t(`mentorship.status.${m.status}`)} ·{" "}
                {formatDate(m.createdAt, i18n.language)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("mentorship.approvedMentors")}</h2>
      {mentors.length === 0 ? <p>{t("mentorship.noMentors")}</p> : null}
      <ul className="cards">
        {mentors.map((m) => (
          <li key={m.id} className="card">
            <h3>
              <bdi>{m.name}</bdi>
            </h3>
            <p dir="auto">{m.bio}</p>
            <MentorFacts mentor={m} />
            <p className="field-hint">
              <bdi>{m.availability}</bdi>
              {m.full ? ` · ${t("mentorship.full")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a mentor knows, where they work and which languages they speak. */
export function MentorFacts({ mentor }: { mentor: { dimensions: string[]; sectors: string[]; countries: string[]; languages: string[] } }) {
  const { t } = useTranslation();
  return (
    <dl>
      <dt>{t("mentorship.fields.dimensions")}</dt>
      <dd>{mentor.dimensions.map((d) => dimensionName(t, d)).join(", ")}</dd>
      <dt>{t("mentorship.fields.sectors")}</dt>
      <dd>{mentor.sectors.map((s) => sectorName(t, s)).join(", ")}</dd>
      <dt>{t("mentorship.fields.countries")}</dt>
      <dd>{mentor.countries.map((c) => countryName(t, c)).join(", ")}</dd>
      <dt>{t("mentorship.fields.languages")}</dt>
      <dd>{mentor.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(", ")}</dd>
    </dl>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);
