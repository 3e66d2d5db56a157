import { useTranslation } from "react-i18next";
import { SECTORS, SIZE_BANDS, sectorName, sizeBandName } from "~/utils/reference-data";
import { TRUST_LABELS } from "~/utils/trust";

/** One option of a list: what the form sends, and what the reader is shown. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * One choice of a filter form sent with GET (the directory's, the sector summary's, the guides'): a
 * labelled list named `name` (its id `f-<name>`), whose first option, empty, stands for any value.
 */
export function FilterSelect({
  name,
  label,
  anyLabel,
  options,
  value,
}: {
  name: string;
  label: string;
  /** The first option's text: "All", "Any". */
  anyLabel: string;
  options: readonly FilterOption[];
  /** The value chosen; none (undefined) is the first option. */
  value?: string | number;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

// The filters the directory and the sector summary share: the same field on both pages.

/** The sector an enterprise works in. */
export function SectorFilterSelect({ value }: { value?: string }) {
  const { t } = useTranslation();
  const options = SECTORS.map((s) => ({ value: s, label: sectorName(t, s) }));
  return <FilterSelect name="sector" label={t("sector.sector")} anyLabel={t("sector.all")} options={options} value={value} />;
}

/** The enterprise's size band. */
export function SizeFilterSelect({ value }: { value?: string }) {
  const { t } = useTranslation();
  const options = SIZE_BANDS.map((s) => ({ value: s, label: sizeBandName(t, s) }));
  return <FilterSelect name="size" label={t("sector.size")} anyLabel={t("sector.all")} options={options} value={value} />;
}

/** How far the rating is to be trusted (self-assessed, verified, …). */
export function TrustFilterSelect({ value }: { value?: string }) {
  const { t } = useTranslation();
  const options = TRUST_LABELS.map((l) => ({ value: l, label: t(`sector.trustLabels.${l}`) }));
  return <FilterSelect name="trust" label={t("sector.trust")} anyLabel={t("sector.all")} options={options} value={value} />;
}
