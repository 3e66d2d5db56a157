import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LearningResourceForm } from "~/components/learning-form";
import { createResource } from "~/models/learning.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { LearningResourceSchema, questionDimension } from "~/utils/learning";
import { redirectWithNotice } from "~/utils/notice.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "write:learning");
  const [t, language] = await Promise.all([getFixedT(request), getLanguage(request)]);
  return { title: t("learning.new"), language };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "write:learning");
  const submission = parseWithZod(await request.formData(), { schema: LearningResourceSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const resource = await createResource({ authorId: user.id, input: submission.value, questionDimension });
  return redirectWithNotice(`/learn/${resource.slug}?lang=${submission.value.language}`, "learning.notice.created");
}

export default function NewLearningResourcePage() {
  const { t } = useTranslation();
  const { title, language } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/learn">{t("learning.backToLibrary")}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("learning.form.intro")}</p>
      <LearningResourceForm lastResult={lastResult} defaultValue={{ language }} submitLabel={t("learning.form.create")} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
