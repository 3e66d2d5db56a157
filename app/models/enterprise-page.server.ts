// What an enterprise's page shows every reader: its profile, its published rating with its peers and
// history, its forum threads with their authors, and its entry in a national register. Read through the
// kept results (decision 028): the same for everyone until the data changes, and read afresh by a visitor
// who has just changed something (the owner after an edit, a member after publishing).
import { getPublishedRating, listPublicRatingHistory, peerComparison } from "~/models/assessment.server";
import { getEnterpriseBySlug } from "~/models/enterprise.server";
import { getPeople, listEnterpriseThreads } from "~/models/forum.server";
import { registrationOf } from "~/models/register.server";
import { kept } from "~/utils/kept-data.server";

type EnterpriseProfile = NonNullable<Awaited<ReturnType<typeof getEnterpriseBySlug>>>;

/** The enterprise behind `slug`, draft or published (who may see a draft is the page's to decide). */
export function findEnterpriseProfile(slug: string) {
  return kept("enterprise.profile", slug, () => getEnterpriseBySlug(slug));
}

/** The rest of what the page shows everyone, read side by side: one wait for the database instead of one per part. */
export function getEnterprisePageParts(enterprise: EnterpriseProfile) {
  return kept("enterprise.pageParts", enterprise.id, async () => {
    const published = enterprise.status === "published";
    const ratingParts = async () => {
      const rating = await getPublishedRating(enterprise.id);
      if (!rating) return { rating, peers: [], history: [] };
      const [peers, history] = await Promise.all([
        published ? peerComparison({ enterprise, result: rating.result }) : [],
        listPublicRatingHistory(enterprise.id),
      ]);
      return { rating, peers, history };
    };
    const forumParts = async () => {
      const forumThreads = published ? await listEnterpriseThreads(enterprise.id) : [];
      return { forumThreads, forumPeople: await getPeople(forumThreads.map((thread) => thread.authorId)) };
    };
    const [ratingPart, forumPart, nationalRegister] = await Promise.all([ratingParts(), forumParts(), registrationOf(enterprise)]);
    return { ...ratingPart, ...forumPart, nationalRegister };
  });
}
