import { atomFeed } from "~/utils/atom.server";
import { absoluteUrl } from "~/utils/env.server";
import { isLanguage, type Language } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18next.server";
import { renderMarkdown } from "~/utils/markdown.server";

/**
 * A feed's language: `?lang=` when the address names one (the links on the forum's pages do, so a
 * shared cache keeps one copy per address), else the reader's language as for a page (cookie,
 * account, Accept-Language), which the response then varies on. An unknown `lang` is a 400.
 */
export async function feedLanguage(request: Request): Promise<{ language: Language; inUrl: boolean }> {
  const lang = new URL(request.url).searchParams.get("lang");
  if (lang === null) return { language: await getLanguage(request), inUrl: false };
  if (!isLanguage(lang))
    throw new Response("Unknown language: lang must be one of the site's language codes, such as en or ru.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return { language: lang, inUrl: true };
}

/** A thread as the feed shows it: its first post is the entry's text. */
interface FeedThread<Category extends { slug: string }> {
  id: string;
  title: string;
  /** The language of the title and opening post (posts record theirs). */
  language: string;
  createdAt: Date;
  author: { displayName: string };
  category: Category;
  posts: { body: string; language: string; deletedAt: Date | null; hiddenAt: Date | null; editedAt: Date | null }[];
}

/** The Atom feed of the newest threads (newest first), overall or of one category, as a response. */
export function forumFeedResponse<Category extends { slug: string }>({
  language,
  threads,
  category,
  feedTitle,
  placeholders,
  categoryLabel,
}: {
  language: { language: Language; inUrl: boolean };
  threads: FeedThread<Category>[];
  category?: { slug: string };
  feedTitle: string;
  placeholders: { deleted: string; hidden: string };
  categoryLabel: (category: Category) => string;
}) {
  // Absolute links come from PUBLIC_URL: the Host header is the client's to choose.
  const origin = absoluteUrl("/").replace(/\/$/, "");
  const base = category ? `${origin}/forum/${category.slug}` : `${origin}/forum`;
  const xml = atomFeed({
    id: base,
    language: language.language,
    title: feedTitle,
    baseUrl: `${origin}/`,
    selfUrl: `${base}/feed.atom?lang=${encodeURIComponent(language.language)}`,
    htmlUrl: base,
    updated: threads[0]?.createdAt ?? new Date(0),
    entries: threads.map((thread) => {
      const first = thread.posts[0];
      const readable = first && !first.deletedAt && !first.hiddenAt;
      const html =
        !first || first.deletedAt
          ? `<p>${placeholders.deleted}</p>`
          : first.hiddenAt
            ? `<p>${placeholders.hidden}</p>`
            : renderMarkdown(first.body);
      return {
        id: `${origin}/forum/threads/${thread.id}`,
        title: thread.title,
        url: `${origin}/forum/threads/${thread.id}`,
        published: thread.createdAt,
        updated: first?.editedAt ?? thread.createdAt,
        author: thread.author.displayName,
        category: { term: thread.category.slug, label: categoryLabel(thread.category) },
        html,
        // The title and text are marked with the post's language; a placeholder is in the feed's.
        titleLanguage: thread.language,
        htmlLanguage: readable ? first.language : language.language,
      };
    }),
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Content-Language": language.language,
      "Cache-Control": "public, max-age=300",
      // Without ?lang= the language was read from the request: a shared cache must keep one copy per language.
      ...(language.inUrl ? {} : { Vary: "Accept-Language, Cookie" }),
    },
  });
}
