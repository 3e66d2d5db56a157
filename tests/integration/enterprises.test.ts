import { describe, expect, test } from "vitest";
import * as root from "~/root";
import * as enterpriseEdit from "~/routes/enterprises.$slug_.edit";
import * as enterpriseMembers from "~/routes/enterprises.$slug_.members";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as enterpriseNew from "~/routes/enterprises.new";
import { prisma } from "~/utils/db.server";
import { enterpriseFormFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

async function createThroughForm(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const outcome = await run(enterpriseNew.action, formRequest("/enterprises/new", enterpriseFormFields(overrides), cookie));
  expect(outcome.status).toBe(302);
  return outcome.location!.replace("/enterprises/", "");
}

describe("creating an enterprise", () => {
  test("makes a draft owned by its creator, with a slug made from a Cyrillic name", async () => {
    const owner = await createTestUser();
    const slug = await createThroughForm(owner.cookie, { name: "Жасыл Қала" });
    expect(slug).toBe("zhasyl-qala");
    const enterprise = await prisma.enterprise.findUnique({
      where: { slug },
      select: { status: true, womenLed: true, sdgs: true, members: { select: { userId: true, role: true } } },
    });
    expect(enterprise).toMatchObject({ status: "draft", womenLed: true, sdgs: [5, 8] });
    expect(enterprise?.members).toEqual([{ userId: owner.id, role: "owner" }]);
  });

  test("gives a second enterprise of the same name a free slug", async () => {
    const owner = await createTestUser();
    const first = await createThroughForm(owner.cookie, { name: "Same Name Bakery" });
    const second = await createThroughForm(owner.cookie, { name: "Same Name Bakery" });
    expect(first).toBe("same-name-bakery");
    expect(second).toBe("same-name-bakery-2");
  });

  test("refuses a region of another country, a bad year and a bad website next to those fields, keeping the rest", async () => {
    const owner = await createTestUser();
    const outcome = await run(
      enterpriseNew.action,
      formRequest(
        "/enterprises/new",
        enterpriseFormFields({ region: "UZ-TK", foundedYear: "1800", website: "javascript:alert(1)", name: "Kept Name" }),
        owner.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
    const reply = outcome.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error.region).toEqual(["errors.regionOfCountry"]);
    expect(reply.error.foundedYear).toEqual(["errors.yearRange"]);
    expect(reply.error.website).toEqual(["errors.url"]);
    expect(reply.initialValue.name).toBe("Kept Name");
    expect(await prisma.enterprise.count({ where: { name: "Kept Name" } })).toBe(0);
  });

  test("refuses control characters in text instead of failing in the database", async () => {
    const owner = await createTestUser();
    const outcome = await run(
      enterpriseNew.action,
      formRequest("/enterprises/new", enterpriseFormFields({ name: "Bad\u0000Name" }), owner.cookie),
    );
    expect(outcome.status).toBe(400);
    expect((outcome.data as { error: Record<string, string[]> }).error.name).toEqual(["errors.invalid"]);
  });

  test("refuses a slug already taken by another enterprise", async () => {
    const owner = await createTestUser();
    await createThroughForm(owner.cookie, { slug: "taken-slug" });
    const outcome = await run(
      enterpriseNew.action,
      formRequest("/enterprises/new", enterpriseFormFields({ slug: "taken-slug" }), owner.cookie),
    );
    expect(outcome.status).toBe(400);
    expect((outcome.data as { error: Record<string, string[]> }).error.slug).toEqual(["errors.slugTaken"]);
  });
});

describe("drafts and publishing", () => {
  test("a draft is a 404 to visitors and other users, visible to members, and public once published", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const slug = await createThroughForm(owner.cookie);
    expect((await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`), { slug })).status).toBe(404);
    expect((await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`, stranger.cookie), { slug })).status).toBe(404);
    expect((await run(enterpriseEdit.loader, getRequest(`/enterprises/${slug}/edit`, stranger.cookie), { slug })).status).toBe(404);
    expect((await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`, owner.cookie), { slug })).status).toBe(200);

    await run(enterprisePage.action, formRequest(`/enterprises/${slug}`, { intent: "publish" }, owner.cookie), { slug });
    const visitor = await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`), { slug });
    expect(visitor.status).toBe(200);
    expect((visitor.data as { canEdit: boolean }).canEdit).toBe(false);
    expect((await run(enterpriseEdit.loader, getRequest(`/enterprises/${slug}/edit`, stranger.cookie), { slug })).status).toBe(403);
  });

  test("an unknown slug is a 404, never a 500", async () => {
    expect((await run(enterprisePage.loader, getRequest("/enterprises/no-such-thing"), { slug: "no-such-thing" })).status).toBe(404);
    expect((await run(enterprisePage.loader, getRequest("/enterprises/%00"), { slug: "\u0000" })).status).toBe(404);
  });

  test("an unknown publishing intent is a 400 and changes nothing", async () => {
    const owner = await createTestUser();
    const slug = await createThroughForm(owner.cookie);
    const outcome = await run(enterprisePage.action, formRequest(`/enterprises/${slug}`, { intent: "delete-everything" }, owner.cookie), {
      slug,
    });
    expect(outcome.status).toBe(400);
    expect((await prisma.enterprise.findUnique({ where: { slug }, select: { status: true } }))?.status).toBe("draft");
  });
});

describe("members", () => {
  test("an owner adds a registered user by email, who can then edit the profile", async () => {
    const owner = await createTestUser();
    const colleague = await createTestUser();
    const slug = await createThroughForm(owner.cookie);
    const added = await run(
      enterpriseMembers.action,
      formRequest(`/enterprises/${slug}/members`, { intent: "add-member", email: colleague.email.toUpperCase() }, owner.cookie),
      { slug },
    );
    expect(added.status).toBe(302);
    const edit = await run(
      enterpriseEdit.action,
      formRequest(`/enterprises/${slug}/edit`, enterpriseFormFields({ name: "Edited by colleague" }), colleague.cookie),
      { slug },
    );
    expect(edit.status).toBe(302);
  });

  test("a change that worked is confirmed once, on the page the action leads to", async () => {
    const owner = await createTestUser();
    const colleague = await createTestUser();
    const slug = await createThroughForm(owner.cookie);
    const path = `/enterprises/${slug}/members`;
    const added = (await enterpriseMembers.action({
      request: formRequest(path, { intent: "add-member", email: colleague.email }, owner.cookie),
      params: { slug },
      context: {},
    })) as Response;
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe(path);
    const notice = added.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("ortaq_notice="))!
      .split(";")[0]!;
    const page = async (cookie: string) =>
      (await root.loader({ request: getRequest(path, cookie), params: {}, context: {} })) as unknown as {
        data: { notice: unknown };
        init: { headers?: HeadersInit } | null;
      };
    const landing = await page(`${owner.cookie}; ${notice}`);
    expect(landing.data.notice).toEqual({ message: "members.notice.added" });
    expect(new Headers(landing.init?.headers).get("Set-Cookie")).toMatch(/^ortaq_notice=; .*Max-Age=0/);
    expect((await page(owner.cookie)).data.notice).toBeNull();
  });

  test("adding an unknown email or an existing member is refused with a message", async () => {
    const owner = await createTestUser();
    const slug = await createThroughForm(owner.cookie);
    const unknown = await run(
      enterpriseMembers.action,
      formRequest(`/enterprises/${slug}/members`, { intent: "add-member", email: "nobody@example.org" }, owner.cookie),
      { slug },
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.data)).toContain("errors.noSuchUser");
    const self = await run(
      enterpriseMembers.action,
      formRequest(`/enterprises/${slug}/members`, { intent: "add-member", email: owner.email }, owner.cookie),
      { slug },
    );
    expect(JSON.stringify(self.data)).toContain("errors.alreadyMember");
  });

  test("the last owner cannot be removed", async () => {
    const owner = await createTestUser();
    const slug = await createThroughForm(owner.cookie);
    const outcome = await run(
      enterpriseMembers.action,
      formRequest(`/enterprises/${slug}/members`, { intent: "remove-member", userId: owner.id }, owner.cookie),
      { slug },
    );
    expect(outcome.status).toBe(400);
    expect(await prisma.enterpriseMember.count({ where: { userId: owner.id } })).toBe(1);
  });
});
