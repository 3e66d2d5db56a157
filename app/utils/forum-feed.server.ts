import { listLatestThreads } from "~/models/forum.server";
import { atomFeed } from "~/utils/atom.server";
import { localized } from "~/utils/i18n";
import { renderMarkdown } from "~/utils/markdown.server";

/** The Atom feed of the newest threads, overall or of one category, as a response. */
export async function forumFeedResponse({
  request,
  category,
  feedTitle,
  placeholders,
  language,
}: {
  request: Request;
  category?: { id: string; slug: string; nameEn: string; nameRu: string };
  feedTitle: string;
  placeholders: { deleted: string; hidden: string };
  language: string;
}) {
  const { origin } = new URL(request.url);
  const threads = await listLatestThreads({ categoryId: category?.id });
  const base = category ? `${origin}/forum/${category.slug}` : `${origin}/forum`;
  const xml = atomFeed({
    id: base,
    title: feedTitle,
    baseUrl: `${origin}/`,
    selfUrl: `${base}/feed.atom`,
    htmlUrl: base,
    updated: threads[0]?.createdAt ?? new Date(0),
    entries: threads.map((thread) => {
      const first = thread.posts[0];
      const html = !first || first.deletedAt ? `<p>${placeholders.deleted}</p>` : first.hiddenAt ? `<p>${placeholders.hidden}</p>` : renderMarkdown(first.body);
      return {
        id: `${origin}/forum/threads/${thread.id}`,
        title: thread.title,
        url: `${origin}/forum/threads/${thread.id}`,
        published: thread.createdAt,
        updated: first?.editedAt ?? thread.createdAt,
        author: thread.author.displayName,
        category: { term: thread.category.slug, label: localized({ en: thread.category.nameEn, ru: thread.category.nameRu }, language) },
        html,
      };
    }),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
