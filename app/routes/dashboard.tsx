import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listMemberEnterprises } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { localized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { COUNTRY_NAMES, type CountryCode } from "~/utils/reference-data";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getFixedT(request);
  return {
    title: t("dashboard.title"),
    user: { displayName: user.displayName, roles: user.roles },
    memberships: await listMemberEnterprises(user.id),
  };
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { user, memberships } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("dashboard.greeting", { name: user.displayName })}</h1>
      <p>
        {t("dashboard.yourRoles")}:{" "}
        {user.roles
          .map((r) => `${t(`roles.${r.role}`)}${r.country ? ` (${localized(COUNTRY_NAMES[r.country as CountryCode] ?? { en: r.country }, i18n.language)})` : ""}`)
          .join(", ")}
      </p>
      <h2>{t("dashboard.enterprises")}</h2>
      {memberships.length === 0 ? <p>{t("dashboard.noEnterprises")}</p> : null}
      <ul className="cards">
        {memberships.map(({ enterprise, role }) => (
          <li key={enterprise.slug} className="card">
            <h3>
              <Link to={`/enterprises/${enterprise.slug}`}>{enterprise.name}</Link>
            </h3>
            <p>
              <span className={`badge badge-${enterprise.status}`}>{t(`enterprise.status.${enterprise.status}`)}</span>{" "}
              {t(`members.roles.${role}`)}
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
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
