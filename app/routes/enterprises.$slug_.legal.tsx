import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CriterionNote, CriterionSource } from "~/components/legal-criteria";
import { requireEnterpriseMember } from "~/models/enterprise.server";
import { getLegalPrecheck } from "~/models/legal.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { frameworkOf, legalPath } from "~/utils/legal-frameworks";
import type { PrecheckItem } from "~/utils/legal-precheck";
import { notFound } from "~/utils/permissions.server";
import { countryName, legalFormName } from "~/utils/reference-data";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const framework = frameworkOf(enterprise.country);
  if (!framework) notFound();
  const { precheck, assessment } = await getLegalPrecheck({ ...enterprise, country: framework.country });
  const t = await getFixedT(request, "legal");
  return {
    title: t("precheck.title", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name, country: framework.country },
    precheck,
    assessment,
  };
}

function Reason({ item }: { item: PrecheckItem }) {
  const { t, i18n } = useTranslation();
  const values = { ...item.values };
  if (typeof values.date === "string" && values.date) values.date = formatDate(values.date, i18n.language);
  return <>{t(`legal:precheck.reason.${item.reason}`, values)}</>;
}

export default function EnterpriseLegalPrecheckPage() {
  const { t, i18n } = useTranslation();
  const { title, enterprise, precheck, assessment } = useLoaderData<typeof loader>();
  const { framework } = precheck;
  const country = countryName(t, enterprise.country);
  return (
    <article className="legal-precheck">
      <p>
        <Link to={`/enterprises/${enterprise.slug}`}>{t("enterprise.backToProfile")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="notice notice-warning" role="note">
        <strong>{t("legal:precheck.guidance")}</strong>
      </p>
      {framework.hasLaw ? (
        <>
          <p>
            {assessment
              ? t("legal:precheck.basedOn", { date: formatDate(assessment.date, i18n.language) })
              : t("legal:precheck.basedOnProfile")}
          </p>
          <ul className="legal-precheck-items">
            {precheck.items.map((item) => (
              <li key={item.criterion.id} className={`legal-outcome legal-outcome-${item.outcome}`}>
                <h2>{t(`legal:criterion.${item.criterion.id}.label`)}</h2>
                <p>
                  <strong>{t(`legal:precheck.outcome.${item.outcome}`)}.</strong> <Reason item={item} />
                </p>
                <CriterionNote criterion={item.criterion} />
                <p className="legal-source-line">
                  {t("legal:precheck.sourceHeading")}: <CriterionSource framework={framework} criterion={item.criterion} />
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/enterprises/${enterprise.slug}/edit`}>{t("legal:precheck.editProfile")}</Link> ·{" "}
            <Link to={legalPath(enterprise.country)}>{t("legal:precheck.readLaw")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("legal:precheck.noLaw", { country })}</p>
          <ul>
            {framework.organisationalForms.map((form) => (
              <li key={form}>{legalFormName(t, form)}</li>
            ))}
          </ul>
          <p>
            <Link to={legalPath(enterprise.country)}>{t("legal:precheck.readLaw")}</Link>
          </p>
        </>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
