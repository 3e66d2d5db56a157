import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { createCohort, listCohortsOf, organisationName } from "~/models/cohort.server";
import { requireUser } from "~/utils/auth.server";
import { CohortSchema } from "~/utils/cohort-validation";
import { formatDate, formatNumber } from "~/utils/format";
import { isolate } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requirePermission } from "~/utils/permissions.server";

/** An enabling organisation's cohorts, and a new one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:cohorts");
  const t = await getFixedT(request);
  return { title: t("cohorts.title"), organisation: await organisationName(user.id), cohorts: await listCohortsOf(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:cohorts");
  const submission = parseWithZod(await request.formData(), { schema: CohortSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { name, startsOn, endsOn } = submission.value;
  const cohort = await createCohort({
    ownerId: user.id,
    input: { name, startsOn: new Date(`${startsOn}T00:00:00Z`), endsOn: new Date(`${endsOn}T00:00:00Z`) },
  });
  return redirectWithNotice(`/cohorts/${cohort.id}`, "cohorts.notice.created");
}

export default function CohortsPage() {
  const { t, i18n } = useTranslation();
  const { title, organisation, cohorts } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(CohortSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CohortSchema }),
  });
  return (
    <section>
      <h1>{title}</h1>
      <p>{t("cohorts.intro", { organisation: isolate(organisation) })}</p>
      {cohorts.length === 0 ? (
        <p>{t("cohorts.none")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("cohorts.caption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("cohorts.fields.name")}</th>
                <th scope="col">{t("cohorts.period")}</th>
                <th scope="col">{t("cohorts.acceptedCount")}</th>
                <th scope="col">{t("cohorts.invitedCount")}</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cohorts/${c.id}`} dir="auto">
                      {c.name}
                    </Link>
                  </td>
                  <td>
                    {t("cohorts.periodValue", { from: formatDate(c.startsOn, i18n.language), to: formatDate(c.endsOn, i18n.language) })}
                  </td>
                  <td>{formatNumber(c.accepted, i18n.language)}</td>
                  <td>{formatNumber(c.invited, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t("cohorts.new")}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t("cohorts.fields.name")} dir="auto" />
        <TextField field={fields.startsOn} label={t("cohorts.fields.startsOn")} type="date" />
        <TextField field={fields.endsOn} label={t("cohorts.fields.endsOn")} type="date" />
        <div className="actions">
          <button type="submit">{t("cohorts.create")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
