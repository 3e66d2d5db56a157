// An enterprise with its people, in the database (integration tests; the journeys make theirs through the pages).
import type { EnterpriseStatus } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { createTestUser, type TestUserOptions } from "./routes";
import { validEnterpriseFields } from "./enterprise";

let serial = 0;

/**
 * An enterprise with an owner and a member (test users with live sessions, made as `people` says),
 * published unless `fields` give another status; `fields` replace the valid profile's.
 */
export async function enterpriseWithOwnerAndMember(
  fields: Partial<ReturnType<typeof validEnterpriseFields>> & { name?: string; status?: EnterpriseStatus } = {},
  people: { owner?: TestUserOptions; member?: TestUserOptions } = {},
) {
  serial += 1;
  const owner = await createTestUser(people.owner);
  const member = await createTestUser(people.member);
  const status = fields.status ?? "published";
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      slug: `enterprise-${serial}-${Date.now()}`,
      publishedAt: status === "published" ? new Date() : null,
      ...fields,
      status,
      members: {
        create: [
          { userId: owner.id, role: "owner" },
          { userId: member.id, role: "member" },
        ],
      },
    },
    select: { id: true, slug: true, name: true, country: true, sector: true },
  });
  return { owner, member, enterprise };
}
