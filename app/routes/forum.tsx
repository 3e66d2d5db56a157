import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeptPart } from "~/components/kept-html";
import { PlainLink } from "~/components/plain-links";
import { useTranslation } from "react-i18next";
import { readableCohorts } from "~/models/forum-access.server";
import { listCategories } from "~/models/forum.server";
import { getOptionalUser } from "~/utils/auth.server";
import { CATEGORY_KINDS, categoryGroupTexts } from "~/utils/forum-category-groups";
import { formatDate, formatNumber } from "~/utils/format";
import { pageLanguage } from "~/utils/i18n";
import { withTextsIn } from "~/utils/localized-text";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { isForumModerator, userCan } from "~/utils/permissions.server";
import { TableScroll } from "~/components/table-scroll";
import { pageMeta } from "~/utils/page-meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, user, language] = await Promise.all([getFixedT(request), getOptionalUser(request), getLanguage(request)]);
  const categories = (await listCategories(await readableCohorts(user))).map((category) =>
    withTextsIn(category, ["name", "description"], language),
  );
  return {
    title: t("forum.title"),
    description: t("forum.intro"),
    signedIn: Boolean(user),
    moderator: isForumModerator(user),
    manager: userCan(user, "manage:forum"),
    categories,
  };
}

/** The categories a reader may read, by group, with their figures: plain data, so a kept part (decision 039). */
function CategoryGroups({
  categories,
  moderator,
}: {
  categories: Awaited<ReturnType<typeof loader>>["categories"];
  /** Moderators are told what the cohorts' group is for. */
  moderator: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // A group with no category (cohorts, for most readers) is left out.
  const groups = CATEGORY_KINDS.filter((kind) => categories.some((c) => c.kind === kind)).map((kind) => ({
    kind,
    ...categoryGroupTexts(kind, { moderator }),
  }));
  return (
    <>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`forum-${group.kind}`}>
          <h2 id={`forum-${group.kind}`}>{t(group.heading)}</h2>
          {group.hint ? <p>{t(group.hint)}</p> : null}
          <TableScroll label={t(group.heading)}>
            <table className="category-table">
              <thead>
                <tr>
                  <th scope="col">{t("forum.category")}</th>
                  <th scope="col">{t("forum.threadsHeading")}</th>
                  <th scope="col">{t("forum.postsHeading")}</th>
                  <th scope="col">{t("forum.latest")}</th>
                </tr>
              </thead>
              <tbody>
                {categories
                  .filter((c) => c.kind === group.kind)
                  .map((category) => (
                    <tr key={category.id}>
                      <td>
                        <PlainLink to={`/forum/${category.slug}`}>{category.name}</PlainLink>
                        <p className="field-hint">{category.description}</p>
                      </td>
                      <td>{formatNumber(category.threadCount, language)}</td>
                      <td>{formatNumber(category.postCount, language)}</td>
                      <td>
                        {category.latest ? (
                          <>
                            <PlainLink to={`/forum/threads/${category.latest.id}`}>{category.latest.title}</PlainLink>
                            <br />
                            <span className="field-hint">{formatDate(category.latest.lastPostAt, language)}</span>
                          </>
                        ) : (
                          t("forum.noThreadsYet")
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}

export default function ForumPage() {
  const { t, i18n } = useTranslation();
  const { title, signedIn, moderator, manager, categories } = useLoaderData<typeof loader>();
  return (
    <section className="forum">
      <h1>{title}</h1>
      <p>{t("forum.intro")}</p>
      <div className="actions">
        {signedIn ? (
          <Link to="/forum/new" className="button">
            {t("forum.newThread")}
          </Link>
        ) : (
          <Link to="/login?redirectTo=%2Fforum%2Fnew" className="button">
            {t("forum.signInToPost")}
          </Link>
        )}
        <a href={`/forum/feed.atom?lang=${i18n.language}`}>{t("forum.feed")}</a>
        <Link to="/forum/consultations">{t("forumModeration.consultations.title")}</Link>
        {moderator ? <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link> : null}
        {manager ? <Link to="/admin/forum">{t("forumAdmin.navLink")}</Link> : null}
      </div>
      <Form method="get" action="/forum/search" className="search-form" role="search">
        <label htmlFor="forum-search">{t("forum.search.label")}</label>
        <input id="forum-search" name="q" type="search" maxLength={200} />
        <button type="submit">{t("forum.search.submit")}</button>
      </Form>
      <KeptPart name="forum-categories" as="div" component={CategoryGroups} props={{ categories, moderator }} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageMeta(data?.title, data?.description),
  // The feed in the page's language, named in its address, so shared caches keep the languages apart.
  { tagName: "link", rel: "alternate", type: "application/atom+xml", href: `/forum/feed.atom?lang=${pageLanguage(matches)}` },
];
