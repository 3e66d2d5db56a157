import type { Params } from "@remix-run/react";
import type { SessionUser } from "~/utils/auth.server";
import type { RoleName } from "~/utils/roles";
import { IdSchema } from "~/utils/validation";

/** What a person may do. `:own` permissions are further checked against the record (membership). */
export type Permission =
  | "create:enterprise"
  | "update:enterprise:own"
  | "update:enterprise:any"
  | "read:enterprise-draft:any"
  | "manage:roles"
  | "read:contributions:any"
  | "manage:mail"
  | "verify:assessments"
  | "read:verifications:any"
  | "release:verifications:any"
  | "moderate:forum"
  | "manage:forum"
  | "open:consultation"
  | "manage:consultation:any"
  | "write:learning"
  | "approve:mentors"
  | "manage:cohorts";

const GRANTS: Record<RoleName, Permission[]> = {
  entrepreneur: ["create:enterprise", "update:enterprise:own"],
  funder: ["create:enterprise", "update:enterprise:own"],
  ministry: ["create:enterprise", "update:enterprise:own", "open:consultation"],
  verifier: ["create:enterprise", "update:enterprise:own", "verify:assessments"],
  moderator: ["create:enterprise", "update:enterprise:own", "moderate:forum"],
  incubator: ["create:enterprise", "update:enterprise:own", "manage:cohorts"],
  admin: [
    "create:enterprise",
    "update:enterprise:own",
    "update:enterprise:any",
    "read:enterprise-draft:any",
    "manage:roles",
    "read:contributions:any",
    "manage:mail",
    "read:verifications:any",
    "release:verifications:any",
    "moderate:forum",
    "manage:forum",
    "manage:consultation:any",
    "write:learning",
    "approve:mentors",
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

/** Publishing and posting wait for a confirmed address (see app/models/account-email.server.ts): a 403 until then. */
export function requireConfirmedEmail(user: Pick<SessionUser, "emailConfirmedAt">) {
  if (!user.emailConfirmedAt) throw new Response("Confirm your e-mail address first", { status: 403, statusText: "Forbidden" });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The record id in the URL parameter `name`; an id the app cannot have made is a 404 before anything is looked up. */
export function requireIdParam(params: Params, name = "id"): string {
  const id = params[name];
  if (!IdSchema.safeParse(id).success) notFound();
  return id!;
}

/** Moderators and admins moderate the forum (and see hidden posts and edit histories). */
export function isForumModerator(user: Pick<SessionUser, "roles"> | null) {
  return hasRole(user, "moderator") || hasRole(user, "admin");
}
