import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { LEGAL_DATA_CHECKED_ON, LEGAL_FRAMEWORKS, legalPath } from "~/utils/legal-frameworks";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";
import { pageMeta } from "~/utils/page-meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, "legal");
  return {
    title: t("index.title"),
    description: t("index.intro"),
    countries: COUNTRY_CODES.map((code) => ({ code, hasLaw: LEGAL_FRAMEWORKS[code].hasLaw })),
    checkedOn: LEGAL_DATA_CHECKED_ON,
  };
}

export default function LegalIndexPage() {
  const { t, i18n } = useTranslation();
  const { title, countries, checkedOn } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{title}</h1>
      <p>{t("legal:index.intro")}</p>
      <ul className="legal-countries">
        {countries.map(({ code, hasLaw }) => (
          <li key={code}>
            <Link to={legalPath(code)}>{countryName(t, code)}</Link>: {hasLaw ? t("legal:index.hasLaw") : t("legal:index.noLaw")}
          </li>
        ))}
      </ul>
      <p>{t("legal:index.checkedOn", { date: formatDate(checkedOn, i18n.language) })}</p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);
