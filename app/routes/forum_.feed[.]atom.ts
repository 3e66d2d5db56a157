import type { LoaderFunctionArgs } from "@remix-run/node";
import { listLatestThreads } from "~/models/forum.server";
import { feedLanguage, forumFeedResponse } from "~/utils/forum-feed.server";
import { textIn } from "~/utils/localized-text";
import { getFixedTFor } from "~/utils/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const chosen = await feedLanguage(request);
  const { language } = chosen;
  const [t, threads] = await Promise.all([getFixedTFor(language), listLatestThreads({})]);
  return forumFeedResponse({
    language: chosen,
    threads,
    feedTitle: t("forum.feedTitle"),
    placeholders: { deleted: t("forum.deletedPlaceholder"), hidden: t("forum.hiddenPlaceholder") },
    categoryLabel: (category) => textIn(category.name, language),
  });
}
