import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/format";
import { countryName } from "~/utils/reference-data";

export interface RegistrationView {
  status: "registered" | "removed";
  since: string;
  removedAt: string | null;
  category: string | null;
}

/** "In the national register of social enterprises of Kazakhstan since …", or when it was removed from it. */
export function RegisterMark({ registration, country }: { registration: RegistrationView | null; country: string }) {
  const { t, i18n } = useTranslation();
  if (!registration) return null;
  const values = { country: countryName(t, country), date: formatDate(registration.since, i18n.language) };
  return registration.status === "registered" ? (
    <p className="register-mark register-mark-listed">
      <span className="badge badge-register">{t("registers.badge")}</span> {t("registers.marked", values)}
      {registration.category ? ` (${t("registers.category", { category: registration.category })})` : null}
    </p>
  ) : (
    <p className="register-mark register-mark-removed">
      {t("registers.removedMark", { ...values, removedOn: formatDate(registration.removedAt!, i18n.language) })}
    </p>
  );
}
