import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThreadModerationControls } from "~/components/forum-moderation";
import { changeThread, getThreadForModeration, listCategoryChoices, moveThread } from "~/models/forum-moderation.server";
import { handleModerationAction, requireModerationSubject } from "~/utils/forum-moderation-action.server";
import { ThreadModerationSchema } from "~/utils/forum-moderation-validation";
import { withTextsIn } from "~/utils/localized-text";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id } = await requireModerationSubject(request, params);
  const language = await getLanguage(request);
  const [thread, categories] = await Promise.all([getThreadForModeration(id), listCategoryChoices(language)]);
  if (!thread) notFound();
  const t = await getFixedT(request);
  return {
    title: t("forumModeration.thread.title", { thread: thread.title }),
    thread: { ...thread, category: withTextsIn(thread.category, ["name"], language) },
    categories,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleModerationAction({
    request,
    params,
    schema: ThreadModerationSchema,
    subjectPage: (id) => `/forum/moderation/threads/${id}`,
    act: ({ moderatorId, id, value }) =>
      value.intent === "move"
        ? moveThread({ moderatorId, threadId: id, categoryId: value.categoryId!, reason: value.reason })
        : changeThread({ moderatorId, threadId: id, intent: value.intent, reason: value.reason }),
    refusal: (reason, value) => {
      // For a move, the thread exists (the page was found): what is missing is the chosen category.
      if (reason === "not_found" && value.intent === "move") return { field: "categoryId", error: "forumModeration.errors.chooseCategory" };
      if (reason === "same_category") return { formError: "forumModeration.refusal.sameCategory" };
      if (reason === "private_category") return { formError: "forumModeration.refusal.privateCategory" };
      return undefined;
    },
  });
}

export default function ModerateThreadPage() {
  const { t } = useTranslation();
  const { title, thread, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="moderation">
      <p>
        <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link> ·{" "}
        <Link to="/forum/moderation/log">{t("forumModeration.log.title")}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="facts">
        <dt>{t("forumModeration.thread.category")}</dt>
        <dd>{thread.category.name}</dd>
        <dt>{t("forumModeration.thread.author")}</dt>
        <dd>
          <Link to={`/forum/moderation/users/${thread.author.id}`}>{thread.author.displayName}</Link>
        </dd>
        <dt>{t("forumModeration.thread.state")}</dt>
        <dd>
          {[
            thread.locked ? t("forumModeration.thread.isLocked") : t("forumModeration.thread.isOpen"),
            thread.pinned ? t("forumModeration.thread.isPinned") : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </dd>
      </dl>
      <p>
        <Link to={`/forum/threads/${thread.id}`}>{t("forumModeration.post.openThread")}</Link>
      </p>
      <ThreadModerationControls
        thread={thread}
        categories={categories}
        redirectTo={`/forum/moderation/threads/${thread.id}`}
        result={result}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
