import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EnterpriseForm } from "~/components/enterprise-form";
import { requireEnterpriseMember, updateEnterprise } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { EnterpriseSchema } from "~/utils/enterprise-validation";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const t = await getFixedT(request);
  return { title: t("enterprise.editTitle", { name: enterprise.name }), enterprise };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: EnterpriseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const updated = await updateEnterprise({ id: enterprise.id, input: submission.value });
  if ("error" in updated) {
    return data(submission.reply({ fieldErrors: { slug: ["errors.slugTaken"] } }), { status: 400 });
  }
  return redirectWithNotice(`/enterprises/${updated.slug}`, "enterprise.notice.saved");
}

export default function EditEnterprisePage() {
  const { t } = useTranslation();
  const { enterprise, title } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/enterprises/${enterprise.slug}`}>{t("enterprise.backToProfile")}</Link>
      </p>
      <h1>{title}</h1>
      <EnterpriseForm lastResult={lastResult} defaultValue={enterprise} submitLabel={t("enterprise.save")} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
