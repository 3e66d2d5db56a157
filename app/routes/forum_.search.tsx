import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PlainLink } from "~/components/plain-links";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LanguageFilterSelect, PostLanguage, ThreadList } from "~/components/forum";
import { listFilteredThreads, searchForum } from "~/models/forum-search.server";
import { getOptionalUser } from "~/utils/auth.server";
import { readableCohorts } from "~/models/forum-access.server";
import { getPeople, listCategoryOptions } from "~/models/forum.server";
import { formatDate } from "~/utils/format";
import { normaliseTag, pageOfPost, TAG_PATTERN } from "~/utils/forum-limits";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { textIn, withCategoryNamedIn, withTextsIn } from "~/utils/localized-text";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { SLUG_PATTERN } from "~/utils/slug";
import { hasNoControlCharacters } from "~/utils/validation";

const SearchSchema = z.object({
  q: z.string().trim().max(200).refine(hasNoControlCharacters).default(""),
  category: z.string().regex(SLUG_PATTERN).max(80).optional(),
  tag: z.string().transform(normaliseTag).pipe(z.string().max(30).regex(TAG_PATTERN)).optional(),
  language: z.enum(SUPPORTED_LANGUAGES).optional(),
  page: z.coerce.number().int().min(1).max(50).default(1),
});

/** Plain text around the first place a search word appears, for the result list. */
function snippet(markdown: string, q: string) {
  const text = markdown
    .replace(/^>.*$/gm, " ")
    .replace(/[*_`#>[\]()!~]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 2)
    .map((w) => w.replace(/["-]/g, "").slice(0, 5));
  const lower = text.toLowerCase();
  const at =
    words
      .map((w) => lower.indexOf(w))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - 80);
  return `${start > 0 ? "…" : ""}${text.slice(start, start + 240)}${start + 240 < text.length ? "…" : ""}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const parsed = SearchSchema.safeParse(raw);
  if (!parsed.success) throw new Response("Bad search", { status: 400 });
  const { q, category: categorySlug, tag, language, page } = parsed.data;
  const readable = await readableCohorts(await getOptionalUser(request));
  const [t, readerLanguage, categoryOptions] = await Promise.all([getFixedT(request), getLanguage(request), listCategoryOptions(readable)]);
  const categories = categoryOptions.map((c) => withTextsIn(c, ["name"], readerLanguage));
  const category = categorySlug ? categories.find((c) => c.slug === categorySlug) : undefined;
  if (categorySlug && !category) throw new Response("Unknown category", { status: 400 });
  const base = {
    title: t("forum.search.title"),
    q,
    category: categorySlug ?? "",
    tag: tag ?? "",
    language: language ?? "",
    page,
    categories,
  };
  if (q) {
    const { hits, hasMore } = await searchForum({ q, readable, categoryId: category?.id, tag, language, page });
    return {
      ...base,
      mode: "words" as const,
      hits: hits.map((hit) => ({
        ...hit,
        categoryName: textIn(hit.categoryName, readerLanguage),
        body: snippet(hit.body, q),
      })),
      threads: [],
      people: {},
      hasMore,
    };
  }
  if (category || tag || language) {
    const { threads, hasMore } = await listFilteredThreads({ readable, categoryId: category?.id, tag, language, page });
    const people = await getPeople(threads.map((th) => th.authorId));
    const named = withCategoryNamedIn(threads, readerLanguage);
    return { ...base, mode: "filter" as const, hits: [], threads: named, people: Object.fromEntries(people), hasMore };
  }
  return { ...base, mode: "empty" as const, hits: [], threads: [], people: {}, hasMore: false };
}

export default function ForumSearchPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const {
    title,
    q,
    category,
    tag,
    language: postLanguage,
    page,
    categories,
    mode,
    hits,
    threads,
    people,
    hasMore,
  } = useLoaderData<typeof loader>();
  const pageLink = (n: number) =>
    `/forum/search?${new URLSearchParams({ ...(q ? { q } : {}), ...(category ? { category } : {}), ...(tag ? { tag } : {}), ...(postLanguage ? { language: postLanguage } : {}), page: String(n) })}`;
  return (
    <section className="forum">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link>
      </nav>
      <h1>{title}</h1>
      <Form method="get" className="form search-form" role="search" key={`${q}|${category}|${tag}|${postLanguage}`}>
        <div className="field">
          <label htmlFor="search-q">{t("forum.search.label")}</label>
          <input id="search-q" name="q" type="search" defaultValue={q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="search-category">{t("forum.category")}</label>
          <select id="search-category" name="category" defaultValue={category}>
            <option value="">{t("forum.search.anyCategory")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-tag">{t("forum.search.tag")}</label>
          <input id="search-tag" name="tag" type="text" defaultValue={tag} maxLength={30} />
        </div>
        <LanguageFilterSelect id="search-language" value={postLanguage} />
        <div className="actions">
          <button type="submit">{t("forum.search.submit")}</button>
        </div>
      </Form>
      <h2>{t("forum.search.results")}</h2>
      {mode === "empty" ? <p>{t("forum.search.prompt")}</p> : null}
      {mode === "words" && hits.length === 0 ? <p>{t("forum.search.none")}</p> : null}
      {mode === "filter" && threads.length === 0 ? <p>{t("forum.search.none")}</p> : null}
      {hits.length ? (
        <ol className="search-results">
          {hits.map((hit) => (
            <li key={hit.threadId}>
              <h3>
                <PlainLink to={`/forum/threads/${hit.threadId}?page=${pageOfPost(hit.number)}#post-${hit.number}`} dir="auto">
                  {hit.title}
                </PlainLink>
              </h3>
              <p className="thread-meta">
                {hit.categoryName} · #{hit.number} · {formatDate(hit.createdAt, language)} <PostLanguage language={hit.language} />
              </p>
              <p lang={hit.language} dir="auto">
                {hit.body}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {threads.length ? <ThreadList threads={threads} people={people} showCategory /> : null}
      <nav aria-label={t("forum.pagination")} className="pagination">
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("forum.previousPage")}</Link> : null}
        {hasMore ? <Link to={pageLink(page + 1)}>{t("forum.nextPage")}</Link> : null}
      </nav>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
