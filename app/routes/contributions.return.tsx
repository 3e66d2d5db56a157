import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getContributionBySession } from "~/models/contribution.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { formatMoney } from "~/utils/money";

/** Where Stripe sends the contributor back. The payment counts only once Stripe's webhook confirms it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = new URL(request.url).searchParams.get("session_id") ?? "";
  const contribution = /^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId) ? await getContributionBySession(sessionId) : null;
  const t = await getFixedT(request);
  const mine = contribution && contribution.userId === user.id ? contribution : null;
  return {
    title: t("contribute.returnTitle"),
    contribution: mine ? { status: mine.status, amount: mine.amount, currency: mine.currency, enterprise: mine.enterprise } : null,
  };
}

export default function ContributionReturnPage() {
  const { t, i18n } = useTranslation();
  const { contribution, title } = useLoaderData<typeof loader>();
  const confirmed = contribution?.status === "paid";
  return (
    <section>
      <h1>{title}</h1>
      <p role="status" className="notice">
        {confirmed
          ? t("contribute.confirmed", {
              amount: formatMoney(contribution.amount, contribution.currency, i18n.language),
              name: contribution.enterprise.name,
            })
          : t("contribute.beingConfirmed")}
      </p>
      <p>
        <Link to="/dashboard">{t("contribute.seeHistory")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
