import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { getOrganisation, setOrganisation } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { requirePermission } from "~/utils/permissions.server";
import { OrganisationSchema } from "~/utils/verification-validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "verify:assessments");
  const t = await getFixedT(request);
  const row = await getOrganisation(user.id);
  return { title: t("verification.organisationTitle"), organisation: row?.organisation ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "verify:assessments");
  const submission = parseWithZod(await request.formData(), { schema: OrganisationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await setOrganisation({ userId: user.id, organisation: submission.value.organisation });
  return redirect("/settings/organisation?saved=1");
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { title, organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { organisation },
    constraint: getZodConstraint(OrganisationSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
  });
  return (
    <section>
      <h1>{title}</h1>
      {searchParams.get("saved") ? (
        <p role="status" className="notice">
          {t("verification.organisationSaved")}
        </p>
      ) : null}
      <p>{t("verification.organisationIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.organisation} label={t("verification.organisation")} autoComplete="organization" />
        <div className="actions">
          <button type="submit">{t("verification.organisationSave")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
