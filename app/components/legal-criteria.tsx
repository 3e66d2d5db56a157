import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "~/utils/format";
import { actOf, type LegalCriterion, type NationalFramework } from "~/utils/legal-frameworks";

/** Where a criterion comes from: the act, its article (or that it is not confirmed), and when it was checked. */
export function CriterionSource({ framework, criterion }: { framework: NationalFramework; criterion: LegalCriterion }) {
  const { t, i18n } = useTranslation();
  const act = actOf(framework, criterion.act);
  return (
    <span className="legal-source">
      {t(`legal:act.${act.id}.title`)}
      {act.number && act.adoptedOn
        ? ` (${t("legal:page.actNumber", { number: act.number, date: formatDate(act.adoptedOn, i18n.language) })})`
        : ""}
      {criterion.kind !== "no_law" ? (
        <>
          {", "}
          {criterion.article ? t("legal:page.article", { article: criterion.article }) : t("legal:page.articleUnknown")}
        </>
      ) : null}
      {". "}
      {t("legal:page.checked", { date: formatDate(criterion.checkedOn, i18n.language) })}
    </span>
  );
}

export function CriterionThreshold({ criterion }: { criterion: LegalCriterion }) {
  const { t, i18n } = useTranslation();
  if (!criterion.threshold) return null;
  const value = formatNumber(criterion.threshold.value, i18n.language);
  return (
    <>
      {t("legal:page.threshold")}:{" "}
      {criterion.threshold.unit === "percent" ? t("legal:page.thresholdPercent", { value }) : t("legal:page.thresholdEmployees", { value })}
    </>
  );
}

/** "Not confirmed" with the reason, for a criterion whose article or figure could not be confirmed. */
export function CriterionNote({ criterion }: { criterion: LegalCriterion }) {
  const { t } = useTranslation();
  if (!criterion.hasNote) return null;
  return (
    <p className={criterion.confirmed ? "legal-note" : "legal-note legal-unconfirmed"}>
      {criterion.confirmed ? null : <strong>{t("legal:page.notConfirmed")}: </strong>}
      {t(`legal:criterion.${criterion.id}.note`)}
    </p>
  );
}
