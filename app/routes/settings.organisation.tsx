import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SettingsNav } from "~/components/settings-nav";
import { getOrganisation, setOrganisation } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
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
  const typed = (await request.formData()).get("organisation");
  const parsed = OrganisationSchema.safeParse({ organisation: typed });
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message, organisation: String(typed ?? "") }, { status: 400 });
  await setOrganisation({ userId: user.id, organisation: parsed.data.organisation });
  return redirectWithNotice("/settings/organisation", "verification.organisationSaved");
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { title, organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <SettingsNav />
      <h1>{title}</h1>
      <p>{t("verification.organisationIntro")}</p>
      <Form method="post" className="form">
        <div className="field">
          <label htmlFor="organisation">{t("verification.organisation")}</label>
          <input
            id="organisation"
            name="organisation"
            autoComplete="organization"
            maxLength={120}
            defaultValue={actionData?.organisation ?? organisation}
            key={actionData ? "typed" : "saved"}
            aria-invalid={actionData?.error ? true : undefined}
            aria-describedby={actionData?.error ? "organisation-error" : undefined}
          />
          {actionData?.error ? (
            <p className="field-errors" id="organisation-error" role="alert">
              {t(actionData.error)}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit">{t("verification.organisationSave")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
