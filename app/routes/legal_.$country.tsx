import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CriterionNote, CriterionSource, CriterionThreshold } from "~/components/legal-criteria";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { frameworkOf, legalPath } from "~/utils/legal-frameworks";
import { notFound } from "~/utils/permissions.server";
import { COUNTRY_CODES, countryName, legalFormName } from "~/utils/reference-data";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const param = params.country ?? "";
  const framework = /^[a-z]{2}$/i.test(param) ? frameworkOf(param.toUpperCase()) : null;
  if (!framework) notFound();
  // One address per country: /legal/kz.
  if (param !== param.toLowerCase()) throw redirect(legalPath(framework.country), 301);
  const t = await getFixedT(request, "legal");
  const tReference = await getFixedT(request, "reference");
  return { title: t("page.title", { country: tReference(`country.${framework.country}`) }), framework };
}

export default function LegalCountryPage() {
  const { t, i18n } = useTranslation();
  const { title, framework } = useLoaderData<typeof loader>();
  const language = i18n.language;
  return (
    <article className="legal-page">
      <p>
        <Link to="/legal">{t("legal:index.title")}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t(`legal:country.${framework.country}.summary`)}</p>
      <p className="notice" role="note">
        {t("legal:page.disclaimer")}
      </p>

      <h2>{t("legal:page.acts")}</h2>
      <ul>
        {framework.acts.map((act) => (
          <li key={act.id}>
            {t(`legal:act.${act.id}.title`)}
            {act.number && act.adoptedOn
              ? `, ${t("legal:page.actNumber", { number: act.number, date: formatDate(act.adoptedOn, language) })}`
              : ""}
            {act.url ? (
              <>
                {" · "}
                <a href={act.url} rel="noopener noreferrer">
                  {t("legal:page.readText")}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t("legal:page.criteria")}</h2>
      {framework.criteria.map((criterion) => (
        <section key={criterion.id} className="legal-criterion" aria-labelledby={`criterion-${criterion.id}`}>
          <h3 id={`criterion-${criterion.id}`}>
            <span className="legal-kind">{t(`legal:page.kind.${criterion.kind}`)}: </span>
            {t(`legal:criterion.${criterion.id}.label`)}
          </h3>
          <p>{t(`legal:criterion.${criterion.id}.text`)}</p>
          {criterion.threshold ? (
            <p>
              <CriterionThreshold criterion={criterion} />
            </p>
          ) : null}
          <CriterionNote criterion={criterion} />
          <p className="legal-source-line">
            {t("legal:page.source")}: <CriterionSource framework={framework} criterion={criterion} />
          </p>
        </section>
      ))}

      <h2>{t("legal:page.forms")}</h2>
      <ul>
        {framework.organisationalForms.map((form) => (
          <li key={form}>{legalFormName(t, form)}</li>
        ))}
      </ul>
      {framework.hasLaw ? <p>{t("legal:page.precheckLink")}</p> : null}

      <h2>{t("legal:page.otherCountries")}</h2>
      <ul className="legal-countries">
        {COUNTRY_CODES.filter((code) => code !== framework.country).map((code) => (
          <li key={code}>
            <Link to={legalPath(code)}>{countryName(t, code)}</Link>
          </li>
        ))}
      </ul>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
