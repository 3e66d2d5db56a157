import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentMethodology, findMethodology } from "../../scoring";
import { ScoreLineChart } from "~/components/charts/score-line-chart";
import { getDraft, listSubmitted, startAssessment } from "~/models/assessment.server";
import { requireEnterpriseMember } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber, formatVersion } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { tierName } from "~/utils/methodology-text";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const t = await getFixedT(request);
  return {
    title: t("history.title", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    draft: await getDraft(enterprise.id),
    submitted: await listSubmitted(enterprise.id),
    currentVersion: currentMethodology.version,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const form = await request.formData();
  if (form.get("intent") !== "start") throw new Response("Unknown action", { status: 400 });
  const draft = await startAssessment({ enterpriseId: enterprise.id, userId: user.id, prefill: form.get("prefill") === "yes" });
  return redirect(`/enterprises/${enterprise.slug}/assessments/${draft.id}`);
}

export default function AssessmentHistoryPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, enterprise, draft, submitted, currentVersion } = useLoaderData<typeof loader>();
  const tierLabel = (version: string, tier: string | null) => {
    const found = findMethodology(version)?.tiers.find((x) => x.id === tier);
    return found ? tierName(t, found.id) : (tier ?? "");
  };
  return (
    <section>
      <p>
        <Link to={`/enterprises/${enterprise.slug}`}>{t("enterprise.backToProfile")}</Link>
      </p>
      <h1>{title}</h1>
      {draft ? (
        <p>
          <Link className="button" to={`/enterprises/${enterprise.slug}/assessments/${draft.id}`}>
            {t("history.continueDraft")}
          </Link>
        </p>
      ) : (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="start" />
          <button type="submit" name="prefill" value="no">
            {t("history.start", { version: currentVersion })}
          </button>
          {submitted.length > 0 ? (
            <button type="submit" name="prefill" value="yes" className="button-secondary">
              {t("history.startPrefilled")}
            </button>
          ) : null}
        </Form>
      )}
      <h2>{t("history.submitted")}</h2>
      {submitted.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <>
          <ScoreLineChart
            label={t("history.chartLabel")}
            seriesName={t("rating.score")}
            labels={submitted.map((a) => (a.submittedAt ? formatDate(a.submittedAt, language) : ""))}
            values={submitted.map((a) => a.overall ?? 0)}
          />
          <TableScroll>
            <table>
              <TableCaption>{t("history.caption")}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t("history.date")}</th>
                  <th scope="col">{t("history.version")}</th>
                  <th scope="col" className="number">
                    {t("rating.score")}
                  </th>
                  <th scope="col">{t("history.tier")}</th>
                  <th scope="col">{t("history.status")}</th>
                </tr>
              </thead>
              <tbody>
                {[...submitted].reverse().map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/enterprises/${enterprise.slug}/assessments/${a.id}/results`}>
                        {a.submittedAt ? formatDate(a.submittedAt, language) : ""}
                      </Link>
                    </td>
                    <td>{formatVersion(a.methodologyVersion, language)}</td>
                    <td className="number">{formatNumber(a.overall ?? 0, language, { maximumFractionDigits: 1 })}</td>
                    <td>{tierLabel(a.methodologyVersion, a.tier)}</td>
                    <td>{a.published ? t("history.published") : t("history.private")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
