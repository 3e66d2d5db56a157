import type { LoaderFunctionArgs } from "@remix-run/node";
import { forumFeedResponse } from "~/utils/forum-feed.server";
import { getFixedT, i18next } from "~/utils/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, language] = await Promise.all([getFixedT(request), i18next.getLocale(request)]);
  return forumFeedResponse({
    request,
    feedTitle: t("forum.feedTitle"),
    placeholders: { deleted: t("forum.deletedPlaceholder"), hidden: t("forum.hiddenPlaceholder") },
    language,
  });
}
