import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { frameworkOf, legalPath } from "~/utils/legal-frameworks";
import { countryName } from "~/utils/reference-data";

export type LegalStatusFacts = {
  slug: string;
  country: string;
  /** Null when the reader may not see it (an individual entrepreneur's personal number) or none is given. */
  taxId: string | null;
  socialRegisterNumber: string | null;
  socialRegisteredOn: string | Date | null;
};

/** The enterprise's legal status on its page: identification number, the register entry it states, the law of its country. */
export function LegalStatus({ enterprise, canEdit }: { enterprise: LegalStatusFacts; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const framework = frameworkOf(enterprise.country);
  if (!framework) return null;
  const registerText = enterprise.socialRegisterNumber
    ? enterprise.socialRegisteredOn
      ? t("legal:status.registerStated", {
          number: enterprise.socialRegisterNumber,
          date: formatDate(enterprise.socialRegisteredOn, i18n.language),
        })
      : t("legal:status.registerStatedNoDate", { number: enterprise.socialRegisterNumber })
    : t("legal:status.notStated");
  return (
    <section aria-labelledby="legal-status">
      <h2 id="legal-status">{t("legal:status.title")}</h2>
      <dl className="facts">
        {enterprise.taxId ? (
          <>
            <dt>{t("legal:status.taxId")}</dt>
            <dd>
              <bdi>{enterprise.taxId}</bdi>
            </dd>
          </>
        ) : null}
        {framework.hasRegister ? (
          <>
            <dt>{t("legal:status.register")}</dt>
            <dd>{registerText}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={legalPath(framework.country)}>{t("legal:status.lawLink", { country: countryName(t, framework.country) })}</Link>
        {canEdit ? (
          <>
            {" · "}
            <Link to={`/enterprises/${enterprise.slug}/legal`}>{t("legal:status.precheckLink")}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
