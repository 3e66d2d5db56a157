import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { contributionTotalsByEnterprise } from "~/models/contribution.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { formatMoney } from "~/utils/money";
import { requirePermission } from "~/utils/permissions.server";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "read:contributions:any");
  const t = await getFixedT(request);
  const rows = await contributionTotalsByEnterprise();
  const byCurrency = new Map<string, number>();
  for (const row of rows) byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.amount);
  return { title: t("contributions.adminTitle"), rows, totals: [...byCurrency].map(([currency, amount]) => ({ currency, amount })) };
}

export default function AdminContributionsPage() {
  const { t, i18n } = useTranslation();
  const { title, rows, totals } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{title}</h1>
      <p>{t("contributions.adminIntro")}</p>
      <TableScroll>
        <table>
          <TableCaption>{t("contributions.totalsCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("contributions.currency")}</th>
              <th scope="col" className="number">
                {t("contributions.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((row) => (
              <tr key={row.currency}>
                <td>{row.currency}</td>
                <td className="number">{formatMoney(row.amount, row.currency, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll>
        <table>
          <TableCaption>{t("contributions.owedCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("contributions.enterprise")}</th>
              <th scope="col">{t("contributions.currency")}</th>
              <th scope="col" className="number">
                {t("contributions.count")}
              </th>
              <th scope="col" className="number">
                {t("contributions.owed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.enterprise.id}-${row.currency}`}>
                <td>
                  <Link to={`/enterprises/${row.enterprise.slug}`}>{row.enterprise.name}</Link>
                </td>
                <td>{row.currency}</td>
                <td className="number">{row.count}</td>
                <td className="number">{formatMoney(row.amount, row.currency, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
