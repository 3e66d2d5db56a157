import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThreadModerationControls } from "~/components/forum-moderation";
import { FormErrors } from "~/components/forms";
import { changeThread, getThreadForModeration, listCategoryChoices, moveThread } from "~/models/forum-moderation.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { localized } from "~/utils/i18n";
import { ThreadModerationSchema } from "~/utils/forum-moderation-validation";
import { getFixedT } from "~/utils/i18next.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { withNotice } from "~/utils/redirect-notice";
import { IdSchema } from "~/utils/validation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  if (!IdSchema.safeParse(params.id).success) notFound();
  const [thread, categories] = await Promise.all([getThreadForModeration(params.id!), listCategoryChoices()]);
  if (!thread) notFound();
  const t = await getFixedT(request);
  return { title: t("forumModeration.thread.title", { thread: thread.title }), thread, categories, done: new URL(request.url).searchParams.get("done") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  if (!IdSchema.safeParse(params.id).success) notFound();
  const threadId = params.id!;
  const submission = parseWithZod(await request.formData(), { schema: ThreadModerationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const outcome =
    value.intent === "move"
      ? await moveThread({ moderatorId: user.id, threadId, categoryId: value.categoryId!, reason: value.reason })
      : await changeThread({ moderatorId: user.id, threadId, intent: value.intent, reason: value.reason });
  if (!outcome.ok) {
    if (outcome.reason === "not_found" && value.intent !== "move") notFound();
    if (outcome.reason === "not_found") return data(submission.reply({ fieldErrors: { categoryId: ["forumModeration.errors.chooseCategory"] } }), { status: 400 });
    const key = outcome.reason === "same_category" ? "sameCategory" : `${value.intent}NoChange`;
    return data(submission.reply({ formErrors: [`forumModeration.refusal.${key}`] }), { status: 409 });
  }
  const back = safeRedirect(value.redirectTo, `/forum/moderation/threads/${threadId}`);
  return redirect(withNotice(back, "done", value.intent));
}

const DONE = new Set(["lock", "unlock", "pin", "unpin", "move"]);

export default function ModerateThreadPage() {
  const { t, i18n } = useTranslation();
  const { title, thread, categories, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="moderation">
      <p>
        <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link> · <Link to="/forum/moderation/log">{t("forumModeration.log.title")}</Link>
      </p>
      <h1>{title}</h1>
      {done ? (
        <p role="status" className="notice">
          {t(`forumModeration.done.${DONE.has(done) ? done : "other"}`)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("forumModeration.thread.category")}</dt>
        <dd>{localized({ en: thread.category.nameEn, ru: thread.category.nameRu }, i18n.language)}</dd>
        <dt>{t("forumModeration.thread.author")}</dt>
        <dd>
          <Link to={`/forum/moderation/users/${thread.author.id}`}>{thread.author.displayName}</Link>
        </dd>
        <dt>{t("forumModeration.thread.state")}</dt>
        <dd>
          {[thread.locked ? t("forumModeration.thread.isLocked") : t("forumModeration.thread.isOpen"), thread.pinned ? t("forumModeration.thread.isPinned") : null]
            .filter(Boolean)
            .join(" · ")}
        </dd>
      </dl>
      <p>
        <Link to={`/forum/threads/${thread.id}`}>{t("forumModeration.post.openThread")}</Link>
      </p>
      <FormErrors id="moderate-thread-errors" errors={result?.error?.[""] ?? undefined} />
      <ThreadModerationControls
        thread={thread}
        categories={categories}
        redirectTo={`/forum/moderation/threads/${thread.id}`}
        errors={result?.error}
        values={result?.initialValue as Record<string, unknown> | undefined}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
