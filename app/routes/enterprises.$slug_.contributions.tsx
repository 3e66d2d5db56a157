import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listReceivedContributions } from "~/models/contribution.server";
import { requireEnterpriseMember } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { formatMoney } from "~/utils/money";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const t = await getFixedT(request);
  return {
    title: t("contributions.receivedTitle", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    ...(await listReceivedContributions(enterprise.id)),
  };
}

export default function ReceivedContributionsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, enterprise, contributions, totals } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to={`/enterprises/${enterprise.slug}`}>{t("enterprise.backToProfile")}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("contributions.payoutNote")}</p>
      <h2>{t("contributions.totals")}</h2>
      {totals.length === 0 ? (
        <p>{t("contributions.none")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("contributions.totalsCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("contributions.currency")}</th>
                <th scope="col" className="number">
                  {t("contributions.count")}
                </th>
                <th scope="col" className="number">
                  {t("contributions.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((row) => (
                <tr key={row.currency}>
                  <td>{row.currency}</td>
                  <td className="number">{row.count}</td>
                  <td className="number">{formatMoney(row.amount, row.currency, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {contributions.length > 0 ? (
        <TableScroll>
          <table>
            <TableCaption>{t("contributions.receivedCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("contributions.date")}</th>
                <th scope="col">{t("contributions.contributor")}</th>
                <th scope="col" className="number">
                  {t("contributions.amount")}
                </th>
                <th scope="col">{t("contributions.status")}</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={c.id}>
                  <td>{c.paidAt ? formatDate(c.paidAt, language) : ""}</td>
                  <td>{c.contributor ?? t("contributions.anonymous")}</td>
                  <td className="number">{formatMoney(c.amount, c.currency, language)}</td>
                  <td>{t(`contributions.statuses.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
