import type { MemberRole } from "~/generated/prisma/client";
import { latestRatingsOf } from "~/models/rating.server";
import { refreshRatingFacts } from "~/models/sector.server";
import { findUserIdByEmail } from "~/models/user.server";
import type { SessionUser } from "~/utils/auth.server";
import { isUniqueViolation, lookup, prisma } from "~/utils/db.server";
import type { EnterpriseInput } from "~/utils/enterprise-validation";
import { kept } from "~/utils/kept-data.server";
import { forbidden, notFound, userCan } from "~/utils/permissions.server";
import { SLUG_PATTERN, slugify } from "~/utils/slug";
import { normaliseTaxId } from "~/utils/tax-id";

export const ENTERPRISE_PROFILE_SELECT = {
  id: true,
  slug: true,
  name: true,
  legalForm: true,
  taxId: true,
  socialRegisterNumber: true,
  socialRegisteredOn: true,
  country: true,
  region: true,
  city: true,
  sector: true,
  foundedYear: true,
  employees: true,
  womenLed: true,
  youthLed: true,
  description: true,
  mission: true,
  website: true,
  sdgs: true,
  beneficiaryGroups: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
} as const;

type SlugResult<T> = T | { error: "slug_taken" };

function profileData(input: EnterpriseInput) {
  const { slug: _slug, website, taxId, socialRegisterNumber, socialRegisteredOn, ...rest } = input;
  return {
    ...rest,
    website: website ?? null,
    taxId: taxId ? normaliseTaxId(taxId) : null,
    socialRegisterNumber: socialRegisterNumber ?? null,
    socialRegisteredOn: socialRegisteredOn ? new Date(`${socialRegisteredOn}T00:00:00Z`) : null,
  };
}

async function freeSlug(base: string): Promise<string> {
  const root = base || "enterprise";
  const taken = await prisma.enterprise.findMany({
    where: { slug: { startsWith: root } },
    select: { slug: true },
  });
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) if (!used.has(`${root}-${n}`)) return `${root}-${n}`;
}

/** Creates a draft profile with the user as its owner. A slug chosen by the user must be free. */
export async function createEnterprise({
  userId,
  input,
}: {
  userId: string;
  input: EnterpriseInput;
}): Promise<SlugResult<{ slug: string }>> {
  const slug = input.slug ?? (await freeSlug(slugify(input.name)));
  try {
    return await prisma.enterprise.create({
      data: { ...profileData(input), slug, members: { create: { userId, role: "owner" } } },
      select: { slug: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { error: "slug_taken" };
    throw error;
  }
}

export async function updateEnterprise({ id, input }: { id: string; input: EnterpriseInput }): Promise<SlugResult<{ slug: string }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const updated = await tx.enterprise.update({
        where: { id },
        data: { ...profileData(input), ...(input.slug ? { slug: input.slug } : {}) },
        select: { slug: true },
      });
      // A draft assessment is asked the questions of the enterprise's legal form as it is now.
      await tx.assessment.updateMany({ where: { enterpriseId: id, status: "draft" }, data: { legalForm: input.legalForm } });
      await refreshRatingFacts(id, tx);
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { error: "slug_taken" };
    throw error;
  }
}

export async function getEnterpriseBySlug(slug: string) {
  if (!SLUG_PATTERN.test(slug)) return null;
  return prisma.enterprise.findUnique({ where: { slug }, select: ENTERPRISE_PROFILE_SELECT });
}

/** The person's membership of the enterprise, or null: read for every signed-in reader of its page, so by key with a kept plan. */
export async function getMembership({ enterpriseId, userId }: { enterpriseId: string; userId: string }) {
  const [row] = await lookup<{ role: MemberRole }>`
    SELECT role::text AS role FROM "EnterpriseMember" WHERE "enterpriseId" = ${enterpriseId} AND "userId" = ${userId}`;
  return row ?? null;
}

/**
 * The enterprise behind `slug` if the user may edit it (a member, or an owner when
 * `ownerOnly`; admins always). Others get a 404 for a draft and a 403 for a published profile.
 */
export async function requireEnterpriseMember(
  user: SessionUser,
  slug: string | undefined,
  { ownerOnly = false }: { ownerOnly?: boolean } = {},
) {
  const enterprise = slug ? await getEnterpriseBySlug(slug) : null;
  if (!enterprise) notFound();
  if (userCan(user, "update:enterprise:any")) return { enterprise, role: "owner" as const };
  const membership = await getMembership({ enterpriseId: enterprise.id, userId: user.id });
  const allowed = membership && (!ownerOnly || membership.role === "owner") && userCan(user, "update:enterprise:own");
  if (!allowed) {
    if (enterprise.status === "draft" && !membership) notFound();
    forbidden();
  }
  return { enterprise, role: membership!.role };
}

/**
 * The enterprises a person is a member of, each with its current rating (the latest submitted
 * assessment's, published or not: its members read it) and its assessment in progress, if any.
 */
export async function listMemberEnterprises(userId: string) {
  const memberships = await prisma.enterpriseMember.findMany({
    where: { userId },
    select: {
      role: true,
      enterprise: { select: { id: true, slug: true, name: true, country: true, sector: true, status: true, updatedAt: true } },
    },
    orderBy: { enterprise: { name: "asc" } },
  });
  const ids = memberships.map((m) => m.enterprise.id);
  const ratings = await latestRatingsOf(ids);
  const drafts = await prisma.assessment.findMany({
    where: { enterpriseId: { in: ids }, status: "draft" },
    select: { id: true, enterpriseId: true },
  });
  return memberships.map(({ role, enterprise: { id, ...enterprise } }) => {
    const rating = ratings.get(id);
    return {
      role,
      enterprise,
      rating: rating
        ? { assessmentId: rating.assessmentId, overall: rating.overall, tier: rating.tier, trust: rating.trust, plan: rating.plan }
        : null,
      draftId: drafts.find((d) => d.enterpriseId === id)?.id ?? null,
    };
  });
}

export function listMembers(enterpriseId: string) {
  return prisma.enterpriseMember.findMany({
    where: { enterpriseId },
    select: { role: true, createdAt: true, user: { select: { id: true, displayName: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

export async function setPublished({ id, published }: { id: string; published: boolean }) {
  await prisma.$transaction(async (tx) => {
    await tx.enterprise.update({
      where: { id },
      data: published ? { status: "published", publishedAt: new Date() } : { status: "draft" },
      select: { id: true },
    });
    await refreshRatingFacts(id, tx);
  });
}

export async function addMemberByEmail({
  enterpriseId,
  email,
  role = "member",
}: {
  enterpriseId: string;
  email: string;
  role?: MemberRole;
}): Promise<"added" | "already_member" | "no_such_user"> {
  const user = await findUserIdByEmail(email);
  if (!user) return "no_such_user";
  const existing = await getMembership({ enterpriseId, userId: user.id });
  if (existing) return "already_member";
  await prisma.enterpriseMember.create({ data: { enterpriseId, userId: user.id, role }, select: { userId: true } });
  return "added";
}

/** Removes a member; the last owner cannot be removed, so an enterprise is never left without one. */
export async function removeMember({ enterpriseId, userId }: { enterpriseId: string; userId: string }) {
  return prisma.$transaction(async (tx) => {
    const member = await tx.enterpriseMember.findUnique({
      where: { enterpriseId_userId: { enterpriseId, userId } },
      select: { role: true },
    });
    if (!member) return "not_member" as const;
    if (member.role === "owner") {
      const owners = await tx.enterpriseMember.count({ where: { enterpriseId, role: "owner" } });
      if (owners <= 1) return "last_owner" as const;
    }
    await tx.enterpriseMember.delete({ where: { enterpriseId_userId: { enterpriseId, userId } } });
    return "removed" as const;
  });
}

export function countEnterprises() {
  return prisma.enterprise.count();
}

/**
 * How many enterprises are published: one row kept current by database triggers (see the
 * EnterpriseCount model), not a count over every enterprise. Should the row be gone (a database
 * emptied table by table), it is counted once and written again.
 */
export function countPublishedEnterprises() {
  return kept("enterprise.publishedCount", null, readPublishedCount);
}

async function readPublishedCount() {
  const row = await prisma.enterpriseCount.findUnique({ where: { id: 1 }, select: { published: true } });
  if (row) return row.published;
  const published = await prisma.enterprise.count({ where: { status: "published" } });
  await prisma.$executeRaw`INSERT INTO "EnterpriseCount" ("id", "published") VALUES (1, ${published}) ON CONFLICT ("id") DO NOTHING`;
  return published;
}
