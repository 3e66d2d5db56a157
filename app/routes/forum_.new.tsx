import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmEmailNotice } from "~/components/confirm-email";
import { FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { PostLanguageField, RefusalMessage } from "~/components/forum";
import { PollFields } from "~/components/forum-poll";
import { readableCohorts } from "~/models/forum-access.server";
import { activeSuspension, createThread, listCategoryOptions, listMemberEnterprises } from "~/models/forum.server";
import { requireUser } from "~/utils/auth.server";
import { MAX_POST_LENGTH, MAX_TAGS } from "~/utils/forum-limits";
import { newThreadSchema, pollInputOf } from "~/utils/forum-poll-validation";
import { withTextsIn } from "~/utils/localized-text";
import { categoryGroupTexts } from "~/utils/forum-category-groups";
import { isForumModerator } from "~/utils/permissions.server";
import { getFixedT, getLanguage } from "~/utils/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, language, categoryOptions, enterprises, suspension] = await Promise.all([
    getFixedT(request),
    getLanguage(request),
    readableCohorts(user).then(listCategoryOptions),
    listMemberEnterprises(user.id),
    activeSuspension(user.id),
  ]);
  const categories = categoryOptions.map((c) => withTextsIn(c, ["name"], language));
  const wanted = new URL(request.url).searchParams.get("category");
  return {
    title: t("forum.newThread"),
    categories,
    enterprises,
    selectedCategory: categories.find((c) => c.slug === wanted)?.id ?? "",
    suspendedUntil: suspension?.endsAt ?? null,
    moderator: isForumModerator(user),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: newThreadSchema() });
  if (submission.status !== "success") return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const { categoryId, title, body, tags, enterpriseId, language } = submission.value;
  const [categories, enterprises] = await Promise.all([readableCohorts(user).then(listCategoryOptions), listMemberEnterprises(user.id)]);
  if (!categories.some((c) => c.id === categoryId)) {
    return data(
      { result: submission.reply({ fieldErrors: { categoryId: ["forum.errors.chooseCategory"] } }), refusal: null },
      { status: 400 },
    );
  }
  if (enterpriseId && !enterprises.some((e) => e.id === enterpriseId)) {
    return data(
      { result: submission.reply({ fieldErrors: { enterpriseId: ["forum.errors.notYourEnterprise"] } }), refusal: null },
      { status: 400 },
    );
  }
  const created = await createThread({
    userId: user.id,
    input: {
      categoryId: categoryId!,
      title,
      body,
      tags,
      enterpriseId: enterpriseId ?? null,
      language: language ?? null,
      poll: pollInputOf(submission.value),
    },
  });
  if (created.error) {
    const status = created.error.reason === "rate_limited" ? 429 : created.error.reason === "too_many_links" ? 400 : 403;
    const headers: Record<string, string> =
      created.error.reason === "rate_limited" ? { "Retry-After": String(created.error.retryAfterSeconds) } : {};
    return data({ result: submission.reply(), refusal: created.error }, { status, headers });
  }
  return redirect(`/forum/threads/${created.thread.id}`);
}

export default function NewThreadPage() {
  const { t } = useTranslation();
  const { title, categories, enterprises, selectedCategory, suspendedUntil, moderator } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    id: "new-thread",
    lastResult: actionData?.result,
    defaultValue: { categoryId: selectedCategory, pollResults: "always" },
    constraint: getZodConstraint(newThreadSchema()),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newThreadSchema() }),
  });
  return (
    <section className="forum">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link>
      </nav>
      <h1>{title}</h1>
      {suspendedUntil ? <RefusalMessage refusal={{ reason: "suspended", until: suspendedUntil }} /> : null}
      <ConfirmEmailNotice reason="post" />
      <RefusalMessage refusal={actionData?.refusal} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.categoryId}
          label={t("forum.category")}
          placeholder={t("forum.chooseCategory")}
          options={categories.map((c) => ({
            value: c.id,
            label: c.name,
            group: t(categoryGroupTexts(c.kind, { moderator }).heading),
          }))}
        />
        <TextField field={fields.title} label={t("forum.threadTitle")} dir="auto" />
        <TextAreaField
          field={fields.body}
          label={t("forum.body")}
          hint={t("forum.markdownHint", { max: MAX_POST_LENGTH })}
          rows={10}
          dir="auto"
        />
        <PostLanguageField field={fields.language} />
        <TextField field={fields.tags} label={t("forum.tagsField")} hint={t("forum.tagsHint", { max: MAX_TAGS })} />
        {enterprises.length ? (
          <SelectField
            field={fields.enterpriseId}
            label={t("forum.enterpriseField")}
            hint={t("forum.enterpriseHint")}
            placeholder={t("forum.noEnterprise")}
            options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
          />
        ) : null}
        <PollFields
          fields={fields}
          legend={t("forumPoll.fields.optionalLegend")}
          hint={t("forumPoll.fields.optionalHint")}
          closingHint={t("forumPoll.fields.closesOnHint")}
        />
        <div className="actions">
          <button type="submit">{t("forum.publishThread")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
