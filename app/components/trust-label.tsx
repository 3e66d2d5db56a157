import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { isolate } from "~/utils/i18n";
import type { TrustLabel as Label } from "~/utils/trust";

export interface TrustInfo {
  label: Label | string;
  verifiedAt: Date | string | null;
  organisation: string | null;
}

/** A rating's trust label: self-assessed, or verified / expired with the date and the verifier's organisation. */
export function TrustLabel({ trust }: { trust: TrustInfo }) {
  const { t, i18n } = useTranslation();
  if (trust.label === "self_assessed" || !trust.verifiedAt)
    return (
      <span className="trust-label">
        <span className="trust-badge">{t("sector.trustLabels.self_assessed")}</span>
      </span>
    );
  const details = {
    date: formatDate(trust.verifiedAt, i18n.language),
    organisation: trust.organisation ? isolate(trust.organisation) : "—",
  };
  return (
    <span className={`trust-label trust-${trust.label}`}>
      <strong className="trust-badge">{t(`sector.trustLabels.${trust.label}`)}</strong> (
      {t(trust.label === "expired" ? "verification.expiredOn" : "verification.verifiedOn", details)})
    </span>
  );
}
