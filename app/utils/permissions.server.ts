import { getEnterpriseBySlug, getMembership } from "~/models/enterprise.server";
import type { SessionUser } from "~/models/user.server";
import type { RoleName } from "~/utils/roles";

/** What a person may do. `:own` permissions are further checked against the record (membership). */
export type Permission =
  | "create:enterprise"
  | "update:enterprise:own"
  | "update:enterprise:any"
  | "read:enterprise-draft:any"
  | "manage:roles"
  | "read:contributions:any"
  | "verify:assessments"
  | "read:verifications:any"
  | "release:verifications:any"
  | "moderate:forum"
  | "manage:forum"
  | "open:consultation"
  | "manage:consultation:any";

const GRANTS: Record<RoleName, Permission[]> = {
  entrepreneur: ["create:enterprise", "update:enterprise:own"],
  funder: ["create:enterprise", "update:enterprise:own"],
  ministry: ["create:enterprise", "update:enterprise:own", "open:consultation"],
  verifier: ["create:enterprise", "update:enterprise:own", "verify:assessments"],
  moderator: ["create:enterprise", "update:enterprise:own", "moderate:forum"],
  admin: [
    "create:enterprise",
    "update:enterprise:own",
    "update:enterprise:any",
    "read:enterprise-draft:any",
    "manage:roles",
    "read:contributions:any",
    "read:verifications:any",
    "release:verifications:any",
    "moderate:forum",
    "manage:forum",
    "manage:consultation:any",
  ],
};

export function hasRole(user: Pick<SessionUser, "roles"> | null, role: RoleName) {
  return Boolean(user?.roles.some((r) => r.role === role));
}

export function userCan(user: Pick<SessionUser, "roles"> | null, permission: Permission) {
  return Boolean(user?.roles.some((r) => GRANTS[r.role].includes(permission)));
}

/** Throws a 403 unless the user holds the permission. */
export function requirePermission(user: Pick<SessionUser, "roles">, permission: Permission) {
  if (!userCan(user, permission)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
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

/** Moderators and admins moderate the forum (and see hidden posts and edit histories). */
export function isForumModerator(user: Pick<SessionUser, "roles"> | null) {
  return hasRole(user, "moderator") || hasRole(user, "admin");
}
