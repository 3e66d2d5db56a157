// The forum lists its categories in groups, one per kind, in this order: themes, countries, then the
// private categories of the cohorts the reader belongs to (for a moderator, of every cohort).
import type { ForumCategoryKind } from "~/generated/prisma/client";

/** Each kind's group heading, in the order the groups are listed. */
const CATEGORY_GROUP_HEADING = {
  theme: "forum.themes",
  country: "forum.countries",
  cohort: "forum.cohortCategories",
} as const satisfies Record<ForumCategoryKind, string>;

export const CATEGORY_KINDS = Object.keys(CATEGORY_GROUP_HEADING) as ForumCategoryKind[];

/** A group's heading and, for the cohorts' group, the line under it: a moderator reads every cohort's category, not only their own. */
export function categoryGroupTexts(
  kind: ForumCategoryKind,
  { moderator }: { moderator: boolean },
): { heading: string; hint: string | null } {
  if (kind !== "cohort") return { heading: CATEGORY_GROUP_HEADING[kind], hint: null };
  return moderator
    ? { heading: "forum.everyCohortCategory", hint: "forum.everyCohortCategoryHint" }
    : { heading: CATEGORY_GROUP_HEADING.cohort, hint: "forum.cohortCategoriesHint" };
}
