import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCategoryBySlug, listLatestThreads } from "~/models/forum.server";
import { feedLanguage, forumFeedResponse } from "~/utils/forum-feed.server";
import { textIn } from "~/utils/localized-text";
import { getFixedTFor } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";
import { SLUG_PATTERN } from "~/utils/slug";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const category = params.slug && SLUG_PATTERN.test(params.slug) ? await getCategoryBySlug(params.slug) : null;
  // A cohort's category is private: its feed, read without signing in, does not exist.
  if (!category || category.cohortId) notFound();
  const chosen = await feedLanguage(request);
  const { language } = chosen;
  const [t, threads] = await Promise.all([getFixedTFor(language), listLatestThreads({ categoryId: category.id })]);
  return forumFeedResponse({
    language: chosen,
    threads,
    category,
    feedTitle: t("forum.categoryFeedTitle", { name: textIn(category.name, language) }),
    placeholders: { deleted: t("forum.deletedPlaceholder"), hidden: t("forum.hiddenPlaceholder") },
    categoryLabel: (threadCategory) => textIn(threadCategory.name, language),
  });
}
