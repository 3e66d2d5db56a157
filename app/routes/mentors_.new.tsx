import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, FormErrors, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { getMentorProfile, saveMentorOffer } from "~/models/mentorship.server";
import { requireUser } from "~/utils/auth.server";
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { LEARNING_DIMENSIONS } from "~/utils/learning";
import { dimensionName } from "~/utils/methodology-text";
import { MAX_MENTEES, MentorOfferSchema } from "~/utils/mentorship-validation";
import { redirectWithNotice } from "~/utils/notice.server";
import { COUNTRY_CODES, countryName, SECTORS, sectorName } from "~/utils/reference-data";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, profile] = await Promise.all([getFixedT(request), getMentorProfile(user.id)]);
  return { title: t(profile ? "mentorship.editOffer" : "mentorship.offer"), profile };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: MentorOfferSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const saved = await saveMentorOffer({ userId: user.id, input: submission.value });
  return redirectWithNotice("/mentors", saved.status === "approved" ? "mentorship.notice.offerSaved" : "mentorship.notice.offerSent");
}

export default function MentorOfferPage() {
  const { t } = useTranslation();
  const { title, profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(MentorOfferSchema),
    // Conform types the list fields as single values; the form takes the lists as they are.
    defaultValue: (profile ?? { capacity: 2 }) as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MentorOfferSchema }),
  });
  return (
    <section>
      <p>
        <Link to="/mentors">{t("mentorship.backToMentors")}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("mentorship.offerIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="form form-wide">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField field={fields.bio} label={t("mentorship.fields.bio")} hint={t("mentorship.fields.bioHint")} rows={5} />
        <CheckboxGroup
          field={fields.dimensions}
          legend={t("mentorship.fields.dimensions")}
          options={LEARNING_DIMENSIONS.map((d) => ({ value: d, label: dimensionName(t, d) }))}
        />
        <CheckboxGroup
          field={fields.sectors}
          legend={t("mentorship.fields.sectors")}
          options={SECTORS.map((s) => ({ value: s, label: sectorName(t, s) }))}
        />
        <CheckboxGroup
          field={fields.countries}
          legend={t("mentorship.fields.countries")}
          options={COUNTRY_CODES.map((c) => ({ value: c, label: countryName(t, c) }))}
        />
        <CheckboxGroup
          field={fields.languages}
          legend={t("mentorship.fields.languages")}
          options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <TextField
          field={fields.capacity}
          type="number"
          inputMode="numeric"
          label={t("mentorship.fields.capacity")}
          hint={t("mentorship.fields.capacityHint", { max: MAX_MENTEES })}
        />
        <TextField field={fields.availability} label={t("mentorship.fields.availability")} hint={t("mentorship.fields.availabilityHint")} />
        <div className="actions">
          <button type="submit">{t("mentorship.sendOffer")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
