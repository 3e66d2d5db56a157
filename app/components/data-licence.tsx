import { useTranslation } from "react-i18next";
import { DATA_LICENCE } from "~/utils/licence";

/** The open data licence, said where a page offers its data for download. */
export function DataLicence() {
  const { t } = useTranslation();
  return (
    <p className="data-licence">
      {t("licence.data")}{" "}
      <a href={DATA_LICENCE.url} rel="license" lang="en" dir="ltr">
        {DATA_LICENCE.name}
      </a>
    </p>
  );
}
