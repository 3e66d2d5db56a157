import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EnterpriseForm } from "~/components/enterprise-form";
import { createEnterprise } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { EnterpriseSchema } from "~/utils/enterprise-validation";
import { getFixedT } from "~/utils/i18next.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "create:enterprise");
  const t = await getFixedT(request);
  return { title: t("enterprise.newTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "create:enterprise");
  const submission = parseWithZod(await request.formData(), { schema: EnterpriseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const created = await createEnterprise({ userId: user.id, input: submission.value });
  if ("error" in created) {
    return data(submission.reply({ fieldErrors: { slug: ["errors.slugTaken"] } }), { status: 400 });
  }
  return redirect(`/enterprises/${created.slug}`);
}

export default function NewEnterprisePage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("enterprise.newTitle")}</h1>
      <p>{t("enterprise.newIntro")}</p>
      <EnterpriseForm lastResult={lastResult} submitLabel={t("enterprise.create")} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
