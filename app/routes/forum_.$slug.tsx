import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageFilterSelect, ThreadList } from "~/components/forum";
import {
  decodeThreadCursor,
  getCategoryBySlug,
  getPeople,
  followsCategory,
  listCategoryThreads,
  setCategorySubscription,
} from "~/models/forum.server";
import { mayReadCategory } from "~/models/forum-access.server";
import { getOptionalUser, requireUser, type SessionUser } from "~/utils/auth.server";
import { isLanguage, pageLanguage } from "~/utils/i18n";
import { withCategoryNamedIn, withTextsIn } from "~/utils/localized-text";
import { i18next } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";
import { SLUG_PATTERN } from "~/utils/slug";

/** The category, if `reader` may read it (a cohort's is private to the cohort): else 404. */
async function findCategory(slug: string | undefined, reader: SessionUser | null) {
  const category = slug && SLUG_PATTERN.test(slug) ? await getCategoryBySlug(slug) : null;
  if (!category || !(await mayReadCategory(category.cohortId, reader))) notFound();
  return category;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const category = await findCategory(params.slug, user);
  const url = new URL(request.url);
  const rawCursor = url.searchParams.get("after");
  const after = decodeThreadCursor(rawCursor);
  if (rawCursor && !after) throw new Response("Bad cursor", { status: 400 });
  // Only the threads in one language (that of their opening post), or all when absent.
  const rawLanguage = url.searchParams.get("language") || null;
  if (rawLanguage && !isLanguage(rawLanguage)) throw new Response("Unknown language", { status: 400 });
  const language = isLanguage(rawLanguage) ? rawLanguage : undefined;
  const readerLanguage = await i18next.getLocale(request);
  const { threads, next } = await listCategoryThreads({ categoryId: category.id, language, after });
  const [people, subscription] = await Promise.all([
    getPeople(threads.map((thread) => thread.authorId)),
    user ? followsCategory({ userId: user.id, categoryId: category.id }) : false,
  ]);
  const named = withTextsIn(category, ["name", "description"], readerLanguage);
  return {
    category: named,
    title: named.name,
    threads: withCategoryNamedIn(threads, readerLanguage),
    next,
    language: language ?? "",
    isFirstPage: !after,
    people: Object.fromEntries(people),
    signedIn: Boolean(user),
    subscribed: subscription,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const category = await findCategory(params.slug, user);
  const intent = (await request.formData()).get("intent");
  if (intent !== "subscribe" && intent !== "unsubscribe") throw new Response("Unknown action", { status: 400 });
  await setCategorySubscription({ userId: user.id, categoryId: category.id, active: intent === "subscribe" });
  return redirect(`/forum/${category.slug}`);
}

export default function CategoryPage() {
  const { t, i18n } = useTranslation();
  const { category, threads, next, language: threadLanguage, isFirstPage, people, signedIn, subscribed } = useLoaderData<typeof loader>();
  const here = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...(threadLanguage ? { language: threadLanguage } : {}), ...extra }).toString();
    return query ? `/forum/${category.slug}?${query}` : `/forum/${category.slug}`;
  };
  return (
    <section className="forum">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link>
      </nav>
      <h1>{category.name}</h1>
      <p>{category.description}</p>
      {category.cohortId ? <p className="notice">{t("forum.cohortCategoryPrivate")}</p> : null}
      <div className="actions">
        {signedIn ? (
          <>
            <Link to={`/forum/new?category=${category.slug}`} className="button">
              {t("forum.newThread")}
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value={subscribed ? "unsubscribe" : "subscribe"} />
              <button type="submit" className="button-secondary">
                {subscribed ? t("forum.unwatchCategory") : t("forum.watchCategory")}
              </button>
            </Form>
          </>
        ) : (
          <Link to={`/login?${new URLSearchParams({ redirectTo: `/forum/new?category=${category.slug}` })}`} className="button">
            {t("forum.signInToPost")}
          </Link>
        )}
        {/* A feed is read without signing in: a private category has none. */}
        {category.cohortId ? null : <a href={`/forum/${category.slug}/feed.atom?lang=${i18n.language}`}>{t("forum.feed")}</a>}
        <Link to={`/forum/search?${new URLSearchParams({ category: category.slug })}`}>{t("forum.search.inCategory")}</Link>
      </div>
      <h2>{t("forum.threadsHeading")}</h2>
      <Form method="get" className="form filter-form" key={threadLanguage}>
        <LanguageFilterSelect id="category-language" value={threadLanguage} />
        <button type="submit" className="button-secondary">
          {t("forum.language.apply")}
        </button>
      </Form>
      {threads.length === 0 ? (
        <p>{threadLanguage ? t("forum.language.noThreads") : t("forum.noThreadsYet")}</p>
      ) : (
        <ThreadList threads={threads} people={people} />
      )}
      <nav aria-label={t("forum.pagination")} className="pagination">
        {!isFirstPage ? <Link to={here({})}>{t("forum.firstPage")}</Link> : null}
        {next ? <Link to={here({ after: next })}>{t("forum.olderThreads")}</Link> : null}
      </nav>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: `${data.title} · Ortaq` },
        ...(data.category.cohortId
          ? []
          : [
              {
                tagName: "link",
                rel: "alternate",
                type: "application/atom+xml",
                href: `/forum/${data.category.slug}/feed.atom?lang=${pageLanguage(matches)}`,
              },
            ]),
      ]
    : [];
