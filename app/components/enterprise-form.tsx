import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { EnterpriseSchema } from "~/utils/enterprise-validation";
import { formatNumber } from "~/utils/format";
import { TAX_ID_RULES } from "~/utils/tax-id";
import {
  BENEFICIARY_GROUPS,
  COUNTRY_CODES,
  LEGAL_FORMS,
  REGIONS,
  SDGS,
  SECTORS,
  type CountryCode,
  beneficiaryGroupName,
  countryName,
  legalFormName,
  sdgLabel,
  sectorName,
  regionName,
} from "~/utils/reference-data";
import { useHydrated } from "~/utils/use-hydrated";

export type EnterpriseFormDefaults = Partial<{
  name: string;
  slug: string;
  legalForm: string;
  country: string;
  region: string;
  city: string;
  sector: string;
  foundedYear: number;
  employees: number;
  womenLed: boolean;
  youthLed: boolean;
  description: string;
  mission: string;
  website: string | null;
  sdgs: number[];
  beneficiaryGroups: string[];
  taxId: string | null;
  socialRegisterNumber: string | null;
  /** A date, or its ISO form as it comes from a loader. */
  socialRegisteredOn: Date | string | null;
}>;

export function EnterpriseForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: EnterpriseFormDefaults;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hydrated = useHydrated();
  const [form, fields] = useCheckedForm({
    id: "enterprise",
    lastResult,
    defaultValue: {
      ...defaultValue,
      website: defaultValue?.website ?? undefined,
      taxId: defaultValue?.taxId ?? undefined,
      socialRegisterNumber: defaultValue?.socialRegisterNumber ?? undefined,
      socialRegisteredOn: defaultValue?.socialRegisteredOn
        ? new Date(defaultValue.socialRegisteredOn).toISOString().slice(0, 10)
        : undefined,
      sdgs: defaultValue?.sdgs?.map(String),
      womenLed: defaultValue?.womenLed ? "on" : undefined,
      youthLed: defaultValue?.youthLed ? "on" : undefined,
    },
    constraint: getZodConstraint(EnterpriseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EnterpriseSchema }),
  });

  const country = fields.country.value as CountryCode | undefined;
  // Every country's regions are in the page, grouped, so the form works without JavaScript;
  // with it, the other countries' groups are hidden once a country is chosen.
  const regionOptions = COUNTRY_CODES.flatMap((code) =>
    REGIONS[code].map((region) => ({
      value: region.code,
      label: regionName(t, region.code),
      group: countryName(t, code),
    })),
  );
  const inactiveRegionGroups =
    hydrated && country && COUNTRY_CODES.includes(country)
      ? COUNTRY_CODES.filter((code) => code !== country).map((code) => countryName(t, code))
      : [];

  const taxIdRule = country && COUNTRY_CODES.includes(country) ? TAX_ID_RULES[country] : null;
  const taxIdHint = taxIdRule
    ? t("legal:form.taxIdHint", {
        names: taxIdRule.names,
        // 8–12 for a range, 9 / 14 for alternatives.
        lengths:
          taxIdRule.lengths.length > 2
            ? `${formatNumber(taxIdRule.lengths[0]!, language)}–${formatNumber(taxIdRule.lengths.at(-1)!, language)}`
            : taxIdRule.lengths.map((n) => formatNumber(n, language)).join(" / "),
      })
    : t("legal:form.taxIdHintCountry");

  return (
    <Form method="post" {...getFormProps(form)} className="form form-wide">
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField field={fields.name} label={t("enterprise.fields.name")} />
      <TextField field={fields.slug} label={t("enterprise.fields.slug")} hint={t("enterprise.hints.slug")} />
      <SelectField
        field={fields.legalForm}
        label={t("enterprise.fields.legalForm")}
        placeholder={t("fields.choose")}
        options={LEGAL_FORMS.map((id) => ({ value: id, label: legalFormName(t, id) }))}
      />
      <SelectField
        field={fields.country}
        label={t("enterprise.fields.country")}
        placeholder={t("fields.choose")}
        options={COUNTRY_CODES.map((code) => ({ value: code, label: countryName(t, code) }))}
      />
      <SelectField
        field={fields.region}
        label={t("enterprise.fields.region")}
        placeholder={t("fields.choose")}
        options={regionOptions}
        inactiveGroups={inactiveRegionGroups}
      />
      <TextField field={fields.city} label={t("enterprise.fields.city")} />
      <fieldset>
        <legend>{t("legal:form.legend")}</legend>
        <TextField field={fields.taxId} label={t("legal:form.taxId")} hint={taxIdHint} inputMode="numeric" autoComplete="off" />
        <TextField
          field={fields.socialRegisterNumber}
          label={t("legal:form.socialRegisterNumber")}
          hint={t("legal:form.socialRegisterNumberHint")}
          autoComplete="off"
        />
        <TextField field={fields.socialRegisteredOn} label={t("legal:form.socialRegisteredOn")} type="date" />
      </fieldset>
      <SelectField
        field={fields.sector}
        label={t("enterprise.fields.sector")}
        placeholder={t("fields.choose")}
        options={SECTORS.map((id) => ({ value: id, label: sectorName(t, id) }))}
      />
      <TextField field={fields.foundedYear} label={t("enterprise.fields.foundedYear")} type="number" inputMode="numeric" />
      <TextField
        field={fields.employees}
        label={t("enterprise.fields.employees")}
        hint={t("enterprise.hints.employees")}
        type="number"
        inputMode="numeric"
      />
      <CheckboxField field={fields.womenLed} label={t("enterprise.fields.womenLed")} />
      <CheckboxField field={fields.youthLed} label={t("enterprise.fields.youthLed")} />
      <TextAreaField field={fields.mission} label={t("enterprise.fields.mission")} rows={3} />
      <TextAreaField field={fields.description} label={t("enterprise.fields.description")} rows={6} />
      <TextField field={fields.website} label={t("enterprise.fields.website")} type="url" hint={t("enterprise.hints.website")} />
      <CheckboxGroup
        field={fields.sdgs}
        legend={t("enterprise.fields.sdgs")}
        options={SDGS.map((n) => ({ value: String(n), label: sdgLabel(t, n, language) }))}
      />
      <CheckboxGroup
        field={fields.beneficiaryGroups}
        legend={t("enterprise.fields.beneficiaryGroups")}
        options={BENEFICIARY_GROUPS.map((id) => ({ value: id, label: beneficiaryGroupName(t, id) }))}
      />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
