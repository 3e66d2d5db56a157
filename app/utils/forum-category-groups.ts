// The forum lists its categories in groups, one per kind, in this order: themes, countries, then the
// private categories of the cohorts the reader belongs to.
import type { ForumCategoryKind } from "~/generated/prisma/client";

export const CATEGORY_GROUPS = [
  { kind: "theme", heading: "forum.themes" },
  { kind: "country", heading: "forum.countries" },
  { kind: "cohort", heading: "forum.cohortCategories" },
] as const satisfies readonly { kind: ForumCategoryKind; heading: string }[];

export const CATEGORY_GROUP_HEADING: Record<ForumCategoryKind, (typeof CATEGORY_GROUPS)[number]["heading"]> = {
  theme: "forum.themes",
  country: "forum.countries",
  cohort: "forum.cohortCategories",
};
