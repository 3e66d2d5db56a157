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
