import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { COUNTRY_CODES, REGIONS, type CountryCode, countryName, regionName } from "~/utils/reference-data";
import { useHydrated } from "~/utils/use-hydrated";

/**
 * The country and region filters. With JavaScript the region list follows the country at once
 * (only that country's regions, and none for all countries); without it, the region list appears
 * for the country the form was last sent with, as before. A country chosen while the scripts were
 * still loading is followed once they have run.
 */
export function CountryRegionFields({ country, region }: { country?: string; region?: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [chosen, setChosen] = useState(country ?? "");
  // A country chosen before the page's scripts ran (a slow phone) is still in the list: follow it.
  const countrySelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (countrySelect.current) setChosen(countrySelect.current.value);
  }, []);
  const shown = (hydrated ? chosen : (country ?? "")) as CountryCode | "";
  return (
    <>
      <div className="field">
        <label htmlFor="f-country">{t("sector.country")}</label>
        <select
          ref={countrySelect}
          id="f-country"
          name="country"
          defaultValue={country ?? ""}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          <option value="">{t("sector.all")}</option>
          {COUNTRY_CODES.map((c) => (
            <option key={c} value={c}>
              {countryName(t, c)}
            </option>
          ))}
        </select>
      </div>
      {shown && REGIONS[shown] ? (
        <div className="field">
          <label htmlFor="f-region">{t("sector.region")}</label>
          {/* A new list for each country: a region of the country chosen before is not kept. */}
          <select key={shown} id="f-region" name="region" defaultValue={shown === country ? (region ?? "") : ""}>
            <option value="">{t("sector.all")}</option>
            {REGIONS[shown].map((r) => (
              <option key={r.code} value={r.code}>
                {regionName(t, r.code)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
