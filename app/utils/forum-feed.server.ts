import { atomFeed } from "~/utils/atom.server";
import { renderMarkdown } from "~/utils/markdown.server";

/** A thread as the feed shows it: its first post is the entry's text. */
interface FeedThread<Category extends { slug: string }> {
  id: string;
  title: string;
  createdAt: Date;
  author: { displayName: string };
  category: Category;
  posts: { body: string; deletedAt: Date | null; hiddenAt: Date | null; editedAt: Date | null }[];
}

/** The Atom feed of the newest threads (newest first), overall or of one category, as a response. */
export function forumFeedResponse<Category extends { slug: string }>({
  request,
  threads,
  category,
  feedTitle,
  placeholders,
  categoryLabel,
}: {
  request: Request;
  threads: FeedThread<Category>[];
  category?: { slug: string };
  feedTitle: string;
  placeholders: { deleted: string; hidden: string };
  categoryLabel: (category: Category) => string;
}) {
  const { origin } = new URL(request.url);
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
        category: { term: thread.category.slug, label: categoryLabel(thread.category) },
        html,
      };
    }),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
