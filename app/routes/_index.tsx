import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countPublishedEnterprises } from "~/models/enterprise.server";
import { getFixedT } from "~/utils/i18next.server";
import { formatNumber } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: t("home.title"), description: t("home.lead"), published: await countPublishedEnterprises() };
}

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { published } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.lead")}</p>
        <p>{t("home.published", { count: published, formatted: formatNumber(published, i18n.language) })}</p>
        <div className="actions">
          <Link className="button" to="/signup">
            {t("home.start")}
          </Link>
          <Link className="button button-secondary" to="/methodology">
            {t("home.readMethodology")}
          </Link>
        </div>
      </section>
      <section>
        <h2>{t("home.forWhom")}</h2>
        <ul className="cards">
          {(["entrepreneurs", "funders", "ministries", "dialogue"] as const).map((key) => (
            <li key={key} className="card">
              <h3>{t(`home.audience.${key}.title`)}</h3>
              <p>{t(`home.audience.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ortaq · ${data?.title ?? ""}` },
  { name: "description", content: data?.description ?? "" },
];
