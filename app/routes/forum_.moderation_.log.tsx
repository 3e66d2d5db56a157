import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listCategoryChoices, listModerationLog } from "~/models/forum-moderation.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { requirePermission } from "~/utils/permissions.server";
import { IdSchema } from "~/utils/validation";
import { TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  const before = new URL(request.url).searchParams.get("before");
  if (before !== null && !IdSchema.safeParse(before).success) throw new Response("Bad cursor", { status: 400 });
  const language = await getLanguage(request);
  const [t, log, categories] = await Promise.all([getFixedT(request), listModerationLog({ before }), listCategoryChoices(language)]);
  return { title: t("forumModeration.log.title"), ...log, categories };
}

export default function ModerationLogPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, actions, next, categories } = useLoaderData<typeof loader>();
  const categoryName = (id: unknown) => {
    const category = categories.find((c) => c.id === id);
    return category ? category.name : "—";
  };
  return (
    <section className="moderation">
      <h1>{title}</h1>
      <p>
        <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link>
      </p>
      {actions.length === 0 ? (
        <p>{t("forumModeration.log.empty")}</p>
      ) : (
        <TableScroll label={title}>
          <table className="moderation-log">
            <thead>
              <tr>
                <th scope="col">{t("forumModeration.log.when")}</th>
                <th scope="col">{t("forumModeration.log.who")}</th>
                <th scope="col">{t("forumModeration.log.what")}</th>
                <th scope="col">{t("forumModeration.log.target")}</th>
                <th scope="col">{t("forumModeration.log.why")}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((entry) => {
                const details = (entry.details ?? {}) as Record<string, unknown>;
                return (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt, language)}</time>
                    </td>
                    <td>{entry.moderator.displayName}</td>
                    <td>
                      {t(`forumModeration.action.${entry.action}`)}
                      {entry.action === "move_thread" ? (
                        <>
                          {" "}
                          (
                          {t("forumModeration.log.moved", {
                            from: categoryName(details.fromCategoryId),
                            to: categoryName(details.toCategoryId),
                          })}
                          )
                        </>
                      ) : null}
                      {entry.action === "suspend_user" && typeof details.until === "string" ? (
                        <> ({t("forumModeration.log.until", { date: formatDate(details.until, language) })})</>
                      ) : null}
                    </td>
                    <td>
                      {entry.post ? (
                        <Link to={`/forum/moderation/posts/${entry.post.id}`}>
                          {t("forumModeration.log.post", { number: entry.post.number, thread: entry.thread?.title ?? "" })}
                        </Link>
                      ) : entry.thread ? (
                        <Link to={`/forum/moderation/threads/${entry.thread.id}`}>{entry.thread.title}</Link>
                      ) : entry.targetUser ? (
                        <Link to={`/forum/moderation/users/${entry.targetUser.id}`}>{entry.targetUser.displayName}</Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>{entry.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {next ? (
        <p>
          <Link to={`/forum/moderation/log?before=${next}`}>{t("forumModeration.log.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
