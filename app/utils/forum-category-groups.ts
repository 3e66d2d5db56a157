// The forum lists its categories in groups, one per kind, in this order: themes, countries, then the
// private categories of the cohorts the reader belongs to.
import type { ForumCategoryKind } from "~/generated/prisma/client";

/** Each kind's group heading, in the order the groups are listed. */
export const CATEGORY_GROUP_HEADING = {
  theme: "forum.themes",
  country: "forum.countries",
  cohort: "forum.cohortCategories",
} as const satisfies Record<ForumCategoryKind, string>;

export const CATEGORY_GROUPS = (Object.keys(CATEGORY_GROUP_HEADING) as ForumCategoryKind[]).map((kind) => ({
  kind,
  heading: CATEGORY_GROUP_HEADING[kind],
}));
