import { beforeAll, describe, expect, test } from "vitest";
import { createConsultation } from "~/models/forum-consultation.server";
import { activeSuspension } from "~/models/forum-moderation.server";
import { createReply } from "~/models/forum.server";
import * as list from "~/routes/forum_.consultations";
import * as page from "~/routes/forum_.consultations_.$id";
import * as create from "~/routes/forum_.consultations_.new";
import * as moderateUser from "~/routes/forum_.moderation_.users.$id";
import * as threadPage from "~/routes/forum_.threads.$id";
import { prisma } from "~/utils/db.server";
import { withKeptResults } from "../helpers/kept-results";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { forumCategories } from "../helpers/forum-moderation";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

const reply = (userId: string, threadId: string) =>
  createReply({ userId, threadId, body: "A reply to the consultation.", replyToPostId: null });

type Person = Awaited<ReturnType<typeof createTestUser>>;
let ministryKz: Person;
let ministryUz: Person;
let entrepreneur: Person;
let moderator: Person;
let countryCategories: Map<string, string>;

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  countryCategories = (await forumCategories()).byCountry;
  ministryKz = await createTestUser({ roles: ["ministry"], country: "KZ" });
  ministryUz = await createTestUser({ roles: ["ministry"], country: "UZ" });
  entrepreneur = await createTestUser();
  moderator = await createTestUser({ roles: ["moderator"] });
});

const open = (fields: Record<string, string>, cookie = ministryKz.cookie) =>
  run(
    create.action,
    formRequest(
      "/forum/consultations/new",
      {
        title: "Tax relief for social enterprises",
        question: "Which tax relief would help your enterprise most, and why?",
        closesOn: isoDay(14),
        ...fields,
      },
      cookie,
    ),
  );

function errorsOf(data: unknown) {
  return (data as { error?: Record<string, string[] | null> } | null)?.error ?? {};
}

async function openConsultation(title = `Consultation ${Math.random()}`) {
  const outcome = await open({ title });
  expect(outcome).toMatchObject({ status: 302, notice: { message: "forumModeration.notice.opened" } });
  return outcome.location!.match(/^\/forum\/consultations\/([^?]+)$/)![1]!;
}

const manage = (id: string, fields: Record<string, string>, cookie: string | undefined) =>
  run(page.action, formRequest(`/forum/consultations/${id}`, fields, cookie), { id });

describe("opening a consultation", () => {
  test("a ministry opens one in its country's category: a consultation thread whose first post is the question", async () => {
    const id = await openConsultation("Tax relief: what helps?");
    const thread = await prisma.forumThread.findUniqueOrThrow({
      where: { id },
      select: {
        kind: true,
        title: true,
        authorId: true,
        categoryId: true,
        postCount: true,
        posts: { select: { number: true, body: true, authorId: true } },
        consultation: { select: { country: true, question: true, closesAt: true, closedAt: true } },
        subscriptions: { select: { userId: true } },
      },
    });
    expect(thread).toMatchObject({
      kind: "consultation",
      title: "Tax relief: what helps?",
      authorId: ministryKz.id,
      categoryId: countryCategories.get("KZ"),
      postCount: 1,
    });
    expect(thread.posts).toEqual([
      { number: 1, body: "Which tax relief would help your enterprise most, and why?", authorId: ministryKz.id },
    ]);
    expect(thread.consultation).toEqual({
      country: "KZ",
      question: "Which tax relief would help your enterprise most, and why?",
      closesAt: new Date(`${isoDay(14)}T23:59:59.000Z`),
      closedAt: null,
    });
    expect(thread.subscriptions).toEqual([{ userId: ministryKz.id }]);
  });

  test("refuses a closing date that is past, today, malformed or more than a year away, and keeps what was typed", async () => {
    const before = await prisma.forumConsultation.count();
    for (const [closesOn, error] of [
      [isoDay(-1), "forumModeration.errors.closingDatePast"],
      [isoDay(0), "forumModeration.errors.closingDatePast"],
      ["2027-02-30", "forumModeration.errors.closingDate"],
      ["next week", "forumModeration.errors.closingDate"],
      [isoDay(400), "forumModeration.errors.closingDateTooFar"],
    ] as const) {
      const outcome = await open({ closesOn, title: "Kept title" });
      expect(outcome.status, closesOn).toBe(400);
      expect(errorsOf(outcome.data).closesOn, closesOn).toEqual([error]);
      expect((outcome.data as { initialValue: { title: string } }).initialValue.title).toBe("Kept title");
    }
    expect((await open({ title: "" })).status).toBe(400);
    expect((await open({ question: "Why?" })).status).toBe(400);
    expect((await open({ title: "x".repeat(151) })).status).toBe(400);
    expect(await prisma.forumConsultation.count()).toBe(before);
  });

  test("only a ministry opens one, and only for its own country", async () => {
    const inUzbekistan = () => prisma.forumConsultation.count({ where: { country: "UZ" } });
    const before = await inUzbekistan();
    for (const person of [entrepreneur, moderator, await createTestUser({ roles: ["admin"] })]) {
      expect((await open({}, person.cookie)).status).toBe(403);
      expect((await run(create.loader, getRequest("/forum/consultations/new", person.cookie))).status).toBe(403);
    }
    expect((await run(create.loader, getRequest("/forum/consultations/new"))).status).toBe(302);
    const other = await open({ country: "UZ" });
    expect(other.status).toBe(403);
    expect(errorsOf(other.data).country).toEqual(["forumModeration.errors.notYourCountry"]);
    expect((await open({ country: "<b>" })).status).toBe(400);
    expect(await inUzbekistan()).toBe(before);
  });

  test("a suspended ministry cannot open one", async () => {
    const ministry = await createTestUser({ roles: ["ministry"], country: "KG" });
    await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "2", reason: "Flooding" }, moderator.cookie), {
      id: ministry.id,
    });
    const outcome = await open({}, ministry.cookie);
    expect(outcome.status).toBe(403);
    expect(errorsOf(outcome.data)[""]).toEqual(["forumModeration.refusal.suspendedShort"]);
    expect(await prisma.forumConsultation.count({ where: { country: "KG" } })).toBe(0);
  });
});

describe("the list of consultations", () => {
  test("shows open consultations first, soonest closing first, then closed ones; filters by country", async () => {
    const now = new Date();
    const later = await createConsultation({
      userId: ministryUz.id,
      country: "UZ",
      title: "Closes later",
      question: "A question for later",
      closesAt: new Date(now.getTime() + 20 * DAY),
    });
    const sooner = await createConsultation({
      userId: ministryUz.id,
      country: "UZ",
      title: "Closes sooner",
      question: "A question for sooner",
      closesAt: new Date(now.getTime() + 2 * DAY),
    });
    const past = await createConsultation({
      userId: ministryUz.id,
      country: "UZ",
      title: "Already past",
      question: "A question of the past",
      closesAt: new Date(now.getTime() - DAY),
      now: new Date(now.getTime() - 10 * DAY),
    });
    expect(later.ok && sooner.ok && past.ok).toBe(true);
    const outcome = await run(list.loader, getRequest("/forum/consultations?country=UZ"));
    const data = outcome.data as { open: { thread: { title: string } }[]; closed: { thread: { title: string } }[] };
    expect(data.open.map((c) => c.thread.title)).toEqual(["Closes sooner", "Closes later"]);
    expect(data.closed.map((c) => c.thread.title)).toEqual(["Already past"]);
    const kz = (await run(list.loader, getRequest("/forum/consultations?country=KZ"))).data as {
      open: { country: string }[];
      closed: { country: string }[];
    };
    expect([...kz.open, ...kz.closed].every((c) => c.country === "KZ")).toBe(true);
    expect((await run(list.loader, getRequest("/forum/consultations?country=XX"))).status).toBe(400);
    expect((await run(list.loader, getRequest("/forum/consultations"))).status).toBe(200);
  });
});

describe("the consultation page", () => {
  test("shows the replies as the thread page does: a hidden one's text to moderators only, marked, and a deleted one's to nobody", async () => {
    const id = await openConsultation();
    const replier = await createTestUser();
    const write = async (body: string) => (await createReply({ userId: replier.id, threadId: id, body, replyToPostId: null })).post!.number;
    const hiddenNumber = await write("A reply a moderator hides.");
    const deletedNumber = await write("A reply its author deletes.");
    await write("A reply everyone reads.");
    await prisma.forumPost.updateMany({
      where: { threadId: id, number: hiddenNumber },
      data: { hiddenAt: new Date(), hiddenById: moderator.id, hiddenReason: "Off topic" },
    });
    await prisma.forumPost.updateMany({ where: { threadId: id, number: deletedNumber }, data: { deletedAt: new Date() } });

    type Reply = { number: number; html: string | null; hidden: boolean; deleted: boolean; hiddenReason: string | null };
    const replies = async (cookie?: string) =>
      ((await run(page.loader, getRequest(`/forum/consultations/${id}`, cookie), { id })).data as { replies: Reply[] }).replies;
    const threadReplies = async (cookie?: string) =>
      ((await run(threadPage.loader, getRequest(`/forum/threads/${id}`, cookie), { id })).data as { posts: Reply[] }).posts.filter(
        (post) => post.number > 1,
      );
    const readable = (list: Reply[]) => list.map((r) => [r.number, r.html !== null]);

    const visitor = await replies();
    expect(readable(visitor)).toEqual([
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(JSON.stringify(visitor)).not.toMatch(/moderator hides|author deletes|Off topic/);
    expect(visitor).toEqual(await threadReplies());
    const asModerator = await replies(moderator.cookie);
    expect(readable(asModerator)).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(asModerator[0]).toMatchObject({ hidden: true, hiddenReason: "Off topic" });
    expect(asModerator).toEqual(await threadReplies(moderator.cookie));
    expect((await replies(entrepreneur.cookie)).map((r) => r.html === null)).toEqual([true, true, false]);
  });

  test("pages through the replies like the thread, and refuses a page that is not one", async () => {
    const id = await openConsultation();
    expect((await run(page.loader, getRequest(`/forum/consultations/${id}?page=1`), { id })).status).toBe(200);
    expect((await run(page.loader, getRequest(`/forum/consultations/${id}?page=2`), { id })).status).toBe(404);
    expect((await run(page.loader, getRequest(`/forum/consultations/${id}?page=abc`), { id })).status).toBe(400);
  });
});

describe("closing and summarising", () => {
  test("the thread accepts replies while open and refuses them once the ministry closes it", async () => {
    const id = await openConsultation();
    const reply = (body: string) =>
      run(threadPage.action, formRequest(`/forum/threads/${id}`, { intent: "reply", body }, entrepreneur.cookie), { id });
    expect((await reply("Profit tax relief would help us most.")).status).toBe(302);
    await manage(id, { intent: "close", confirm: "on" }, ministryKz.cookie);
    const refused = await reply("One more thought after the close.");
    expect(refused.status).toBe(403);
    expect((refused.data as { refusal: { reason: string } }).refusal.reason).toBe("consultation_closed");
    expect(await prisma.forumPost.count({ where: { threadId: id } })).toBe(2);
    // The thread page offers the ministry the summary form, and nobody the reply form.
    const shown = await run(threadPage.loader, getRequest(`/forum/threads/${id}`, ministryKz.cookie), { id });
    expect(shown.data).toMatchObject({ closed: "consultation_closed", mayManageConsultation: true });
    const other = await run(threadPage.loader, getRequest(`/forum/threads/${id}`, ministryUz.cookie), { id });
    expect(other.data).toMatchObject({ mayManageConsultation: false });
  });

  test("the ministry closes it early; replies are refused from then on; a summary is published at the top and subscribers are told", async () => {
    const id = await openConsultation();
    const follower = await createTestUser({ roles: ["funder"] });
    const quiet = await createTestUser();
    await prisma.forumThreadSubscription.createMany({
      data: [
        { userId: follower.id, threadId: id },
        { userId: quiet.id, threadId: id, active: false },
      ],
    });
    expect(await reply(follower.id, id)).not.toHaveProperty("error");

    const early = await manage(id, { intent: "summary", summary: "We heard many useful things." }, ministryKz.cookie);
    expect(early.status).toBe(409);
    expect(errorsOf(early.data)[""]).toEqual(["forumModeration.refusal.stillOpen"]);

    // Closing early cannot be undone: without the confirmation nothing closes, and the form says why.
    const unconfirmed = await manage(id, { intent: "close", redirectTo: `/forum/consultations/${id}` }, ministryKz.cookie);
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed.data).confirm).toEqual(["forumModeration.errors.confirmClose"]);
    expect((await manage(id, { intent: "close", confirm: "off" }, ministryKz.cookie)).status).toBe(400);
    expect((await prisma.forumConsultation.findUniqueOrThrow({ where: { threadId: id }, select: { closedAt: true } })).closedAt).toBeNull();

    const closed = await manage(id, { intent: "close", confirm: "on", redirectTo: `/forum/consultations/${id}` }, ministryKz.cookie);
    expect(closed.status).toBe(302);
    expect(closed).toMatchObject({ location: `/forum/consultations/${id}`, notice: { message: "forumModeration.notice.close" } });
    const row = await prisma.forumConsultation.findUniqueOrThrow({ where: { threadId: id }, select: { closesAt: true, closedAt: true } });
    expect(row.closedAt).not.toBeNull();
    expect(isConsultationOpen(row)).toBe(false);
    expect(await reply(follower.id, id)).toEqual({ error: { reason: "consultation_closed" } });
    expect((await manage(id, { intent: "close", confirm: "on" }, ministryKz.cookie)).status).toBe(409);

    const summary = "Most replies asked for relief from the social tax rather than the profit tax.";
    const published = await manage(id, { intent: "summary", summary }, ministryKz.cookie);
    expect(published.status).toBe(302);
    const shown = await run(page.loader, getRequest(`/forum/consultations/${id}`), { id });
    const data = shown.data as { open: boolean; consultation: { summary: string; summaryPublishedAt: Date | null } };
    expect(data.open).toBe(false);
    expect(data.consultation.summary).toBe(summary);
    expect(data.consultation.summaryPublishedAt).not.toBeNull();
    const notices = await prisma.notification.findMany({
      where: { threadId: id, kind: "consultation_summary" },
      select: { userId: true, actorId: true },
    });
    expect(notices).toEqual([{ userId: follower.id, actorId: ministryKz.id }]);
  });

  test("a consultation past its date accepts no replies even before anyone closes it", async () => {
    const outcome = await createConsultation({
      userId: ministryKz.id,
      country: "KZ",
      title: "Dated in the past",
      question: "Does the date close it?",
      closesAt: new Date(Date.now() - 1000),
      now: new Date(Date.now() - 5 * DAY),
    });
    if (!outcome.ok) throw new Error("not created");
    expect(await reply(entrepreneur.id, outcome.threadId)).toEqual({ error: { reason: "consultation_closed" } });
    expect((await manage(outcome.threadId, { intent: "close", confirm: "on" }, ministryKz.cookie)).status).toBe(409);
    expect(
      (await manage(outcome.threadId, { intent: "summary", summary: "Closed by its date, summarised." }, ministryKz.cookie)).status,
    ).toBe(302);
  });

  test("a ministry of another country, other people and anonymous visitors can neither close nor summarise", async () => {
    const id = await openConsultation();
    for (const person of [ministryUz, entrepreneur, moderator]) {
      expect((await manage(id, { intent: "close", confirm: "on" }, person.cookie)).status).toBe(403);
    }
    expect((await manage(id, { intent: "close", confirm: "on" }, undefined)).status).toBe(302);
    await prisma.forumConsultation.update({ where: { threadId: id }, data: { closedAt: new Date() } });
    for (const person of [ministryUz, entrepreneur, moderator]) {
      expect((await manage(id, { intent: "summary", summary: "Not mine to summarise." }, person.cookie)).status).toBe(403);
    }
    // Another official of the same country may speak for the ministry.
    const colleague = await createTestUser({ roles: ["ministry"], country: "KZ" });
    expect((await manage(id, { intent: "summary", summary: "Summarised by a colleague." }, colleague.cookie)).status).toBe(302);
    expect((await prisma.forumConsultation.findUniqueOrThrow({ where: { threadId: id }, select: { summary: true } })).summary).toBe(
      "Summarised by a colleague.",
    );
  });

  test("an admin closes any consultation and publishes its summary, which is shown as theirs and sent to subscribers", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const id = await openConsultation();
    const shownOpen = await run(page.loader, getRequest(`/forum/consultations/${id}`, admin.cookie), { id });
    expect(shownOpen.data).toMatchObject({ open: true, mayManage: true });
    expect((await run(threadPage.loader, getRequest(`/forum/threads/${id}`, admin.cookie), { id })).data).toMatchObject({
      mayManageConsultation: true,
    });
    const closed = await manage(id, { intent: "close", confirm: "on", redirectTo: `/forum/consultations/${id}` }, admin.cookie);
    expect(closed).toMatchObject({
      status: 302,
      location: `/forum/consultations/${id}`,
      notice: { message: "forumModeration.notice.close" },
    });
    expect((await manage(id, { intent: "close", confirm: "on" }, admin.cookie)).status).toBe(409);
    const summary = "Replies favoured relief from the social tax; the ministry will consult on a draft.";
    expect((await manage(id, { intent: "summary", summary }, admin.cookie)).status).toBe(302);
    const row = await prisma.forumConsultation.findUniqueOrThrow({
      where: { threadId: id },
      select: { closedAt: true, summary: true, summaryAuthorId: true },
    });
    expect(row).toMatchObject({ summary, summaryAuthorId: admin.id });
    expect(row.closedAt).not.toBeNull();
    const notices = await prisma.notification.findMany({
      where: { threadId: id, kind: "consultation_summary" },
      select: { userId: true, actorId: true },
    });
    expect(notices).toEqual([{ userId: ministryKz.id, actorId: admin.id }]);
  });

  test("bad input is refused with a 4xx and changes nothing", async () => {
    const id = await openConsultation();
    await manage(id, { intent: "close", confirm: "on" }, ministryKz.cookie);
    expect((await manage(id, { intent: "summary", summary: "short" }, ministryKz.cookie)).status).toBe(400);
    expect((await manage(id, { intent: "summary", summary: "x".repeat(20_001) }, ministryKz.cookie)).status).toBe(400);
    expect((await manage(id, { intent: "reopen" }, ministryKz.cookie)).status).toBe(400);
    expect((await manage("missing", { intent: "close", confirm: "on" }, ministryKz.cookie)).status).toBe(404);
    expect((await run(page.loader, getRequest("/forum/consultations/missing"), { id: "missing" })).status).toBe(404);
    expect((await prisma.forumConsultation.findUniqueOrThrow({ where: { threadId: id }, select: { summary: true } })).summary).toBeNull();
  });

  test("a suspended ministry cannot publish a summary", async () => {
    const id = await openConsultation();
    await manage(id, { intent: "close", confirm: "on" }, ministryKz.cookie);
    const colleague = await createTestUser({ roles: ["ministry"], country: "KZ" });
    await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "1", reason: "Spam" }, moderator.cookie), {
      id: colleague.id,
    });
    const refused = await manage(id, { intent: "summary", summary: "A summary while suspended." }, colleague.cookie);
    expect(refused.status).toBe(403);
    expect(await activeSuspension(colleague.id)).not.toBeNull();
  });
});

describe("a consultation's question, replies and summary are Markdown, rendered as forum posts are", () => {
  test("on the consultation page and in the thread's header, with no Markdown syntax left and only existing handles as mentions", async () => {
    const handleOwner = await createTestUser();
    const ministryHandle = `person-${handleOwner.id.slice(-8).toLowerCase()}`;
    await prisma.user.update({ where: { id: handleOwner.id }, data: { handle: ministryHandle } });
    const question = `We ask **two** things, @${ministryHandle} and @no-such-person-here:\n\n- the tax\n- the reports\n\n<script>alert(1)</script>`;
    const outcome = await open({ title: `Markdown ${Math.random()}`, question });
    const id = outcome.location!.split("/").at(-1)!;
    await createReply({ userId: entrepreneur.id, threadId: id, body: "The **tax**, mostly:\n\n- social tax", replyToPostId: null });

    type Shown = { consultation: { questionHtml: string; summaryHtml: string | null }; replies: { html: string | null }[] };
    const shown = (await run(page.loader, getRequest(`/forum/consultations/${id}`), { id })).data as Shown;
    const html = shown.consultation.questionHtml;
    expect(html).toContain("<strong>two</strong>");
    expect(html).toContain("<ul>\n<li>the tax</li>\n<li>the reports</li>\n</ul>");
    expect(html).toContain(`<span class="mention">@${ministryHandle}</span>`);
    expect(html).toContain("and @no-such-person-here:");
    expect(html).not.toContain('<span class="mention">@no-such-person-here');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("**");
    expect(shown.replies[0]!.html).toContain("<strong>tax</strong>");
    expect(shown.replies[0]!.html).toContain("<li>social tax</li>");
    expect(shown.consultation.summaryHtml).toBeNull();

    const header = (await run(threadPage.loader, getRequest(`/forum/threads/${id}`), { id })).data as {
      thread: { consultation: { questionHtml: string } };
    };
    expect(header.thread.consultation.questionHtml).toBe(html);

    await manage(id, { intent: "close", confirm: "on" }, ministryKz.cookie);
    await manage(id, { intent: "summary", summary: "We heard **three** points:\n\n- one\n- two" }, ministryKz.cookie);
    const closed = (await run(page.loader, getRequest(`/forum/consultations/${id}`), { id })).data as Shown;
    expect(closed.consultation.summaryHtml).toContain("<strong>three</strong>");
    expect(closed.consultation.summaryHtml).toContain("<li>one</li>");
    const thread = (await run(threadPage.loader, getRequest(`/forum/threads/${id}`), { id })).data as {
      thread: { consultation: { summaryHtml: string } };
    };
    expect(thread.thread.consultation.summaryHtml).toBe(closed.consultation.summaryHtml);
  });

  test("in production the page's HTML is kept for the same texts, so a summary written since is shown at once", async () => {
    const outcome = await open({ title: `Kept texts ${Math.random()}`, question: "Is **this** worked out once?" });
    const id = outcome.location!.split("/").at(-1)!;
    await withKeptResults(async () => {
      const shown = async () =>
        (
          (await run(page.loader, getRequest(`/forum/consultations/${id}`), { id })).data as {
            consultation: { questionHtml: string; summaryHtml: string | null };
          }
        ).consultation;
      expect((await shown()).questionHtml).toContain("<strong>this</strong>");
      await manage(id, { intent: "close", confirm: "on" }, ministryKz.cookie);
      await manage(id, { intent: "summary", summary: "Once **per text**." }, ministryKz.cookie);
      // No change is heard in a test: only texts kept under what they say can show the new summary now.
      const after = await shown();
      expect(after.questionHtml).toContain("<strong>this</strong>");
      expect(after.summaryHtml).toContain("<strong>per text</strong>");
    });
  });
});
