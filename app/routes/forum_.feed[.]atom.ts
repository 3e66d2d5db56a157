import type { LoaderFunctionArgs } from "@remix-run/node";
import { listLatestThreads } from "~/models/forum.server";
import { forumFeedResponse } from "~/utils/forum-feed.server";
import { textIn } from "~/utils/localized-text";
import { getFixedT, i18next } from "~/utils/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, language, threads] = await Promise.all([getFixedT(request), i18next.getLocale(request), listLatestThreads({})]);
  return forumFeedResponse({
    request,
    threads,
    feedTitle: t("forum.feedTitle"),
    placeholders: { deleted: t("forum.deletedPlaceholder"), hidden: t("forum.hiddenPlaceholder") },
    categoryLabel: (category) => textIn(category.name, language),
  });
}
