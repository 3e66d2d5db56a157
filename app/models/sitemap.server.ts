import { PUBLIC_CATEGORY } from "~/models/forum-access.server";
import { prisma } from "~/utils/db.server";

/** Enterprises listed on one page of the sitemap (the protocol allows 50,000 addresses a file). */
export const SITEMAP_PAGE_SIZE = 40_000;

/** How many published enterprise profiles the sitemap lists. */
export function countSitemapEnterprises() {
  return prisma.enterprise.count({ where: { status: "published" } });
}

/** One page of the published enterprise profiles, in a fixed order so that pages keep their contents. */
export function listSitemapEnterprises({ page }: { page: number }) {
  return prisma.enterprise.findMany({
    where: { status: "published" },
    select: { slug: true, updatedAt: true },
    orderBy: { id: "asc" },
    skip: (page - 1) * SITEMAP_PAGE_SIZE,
    take: SITEMAP_PAGE_SIZE,
  });
}

/** The forum's categories that anyone may read (not the cohorts' private ones). */
export function listSitemapForumCategories() {
  return prisma.forumCategory.findMany({ where: PUBLIC_CATEGORY, select: { slug: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}
