import { beforeAll, describe, expect, test } from "vitest";
import { closeConsultation, createConsultation, publishSummary } from "~/models/forum-consultation.server";
import { suspendUser } from "~/models/forum-moderation.server";
import { castVote, getPollView, mayVote, savePoll } from "~/models/forum-poll.server";
import * as consultationPage from "~/routes/forum_.consultations_.$id";
import * as newConsultation from "~/routes/forum_.consultations_.new";
import * as newThread from "~/routes/forum_.new";
import * as threadPage from "~/routes/forum_.threads.$id";
import * as pollPage from "~/routes/forum_.threads.$id_.poll";
import * as pollCsv from "~/routes/forum_.threads.$id_.poll[.]csv";
import * as pollForm from "~/routes/forum_.threads.$id_.poll_.edit";
import { prisma } from "~/utils/db.server";
import type { PollInput } from "~/utils/forum-poll-validation";
import type { RoleName } from "~/utils/roles";
import { createTestThread } from "../helpers/forum";
import { forumCategories } from "../helpers/forum-moderation";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

type Person = Awaited<ReturnType<typeof createTestUser>>;
let author: Person;
let ministry: Person;
let moderator: Person;
let voters: Person[];

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const POLL: PollInput = {
  question: "Which support helps you most?",
  options: ["Tax relief", "Cheaper loans", "Public procurement"],
  multipleChoice: false,
  closesAt: null,
  resultsBeforeVote: true,
};

beforeAll(async () => {
  await forumCategories();
  author = await establishedUser();
  ministry = await createTestUser({ roles: ["ministry"], country: "KZ" });
  moderator = await createTestUser({ roles: ["moderator"] });
  voters = await Promise.all(Array.from({ length: 4 }, () => createTestUser()));
});

/** A person who may start many threads quickly: their account is a month old, past the new accounts' limits. */
async function establishedUser() {
  const person = await createTestUser();
  await prisma.user.update({ where: { id: person.id }, data: { createdAt: new Date(Date.now() - 30 * DAY) } });
  return person;
}

/** A discussion thread with a poll (added through the model, as the poll's form does), started by a person of its own. */
async function threadWithPoll(poll: Partial<PollInput> = {}) {
  const owner = await createTestUser();
  const thread = await createTestThread({ userId: owner.id });
  const saved = await savePoll({ user: asUser(owner), threadId: thread.id, input: { ...POLL, ...poll } });
  if (!saved.ok) throw new Error(`no poll: ${saved.refusal.reason}`);
  threadOwners.set(thread.id, owner);
  return thread.id;
}

const threadOwners = new Map<string, Person>();
const ownerOf = (threadId: string) => threadOwners.get(threadId)!;

async function consultationWithPoll(poll: Partial<PollInput> = {}) {
  const opened = await createConsultation({
    userId: ministry.id,
    country: "KZ",
    title: "Support for social enterprises",
    question: "Which support should the ministry give first?",
    closesAt: new Date(Date.now() + 10 * DAY),
    poll: { ...POLL, ...poll },
  });
  if (!opened.ok) throw new Error(`no consultation: ${opened.refusal.reason}`);
  return opened.threadId;
}

const asUser = (person: Person, roles: RoleName[] = ["entrepreneur"]) => ({
  id: person.id,
  roles: roles.map((role) => ({ role, country: null })),
});

async function optionIds(threadId: string) {
  const options = await prisma.forumPollOption.findMany({
    where: { pollId: threadId },
    select: { id: true },
    orderBy: { position: "asc" },
  });
  return options.map((o) => o.id);
}

const votesOf = async (threadId: string) => (await getPollView({ threadId, reader: null }))!.results!.options.map((o) => o.votes);

const vote = (threadId: string, person: Person, choice: string | string[], fields: Record<string, string> = {}) =>
  run(pollPage.action, formRequest(`/forum/threads/${threadId}/poll`, { intent: "vote", choice, ...fields }, person.cookie), {
    id: threadId,
  });

function errorsOf(data: unknown) {
  return (data as { error?: Record<string, string[] | null> } | null)?.error ?? {};
}

describe("adding a poll", () => {
  test("a thread's author adds one when starting the thread: the question, 2 to 20 options one per line, one or several choices", async () => {
    const { bySlug } = await forumCategories();
    const outcome = await run(
      newThread.action,
      formRequest(
        "/forum/new",
        {
          categoryId: bySlug.get("social-entrepreneurship")!,
          title: "Where do you sell?",
          body: "Tell us where your customers find you.",
          pollQuestion: "Where do most of your sales happen?",
          pollOptions: "Markets\n\n- Online shop\nShops of partners\n",
          pollMultiple: "on",
          pollResults: "after_vote",
          pollClosesOn: isoDay(30),
        },
        author.cookie,
      ),
    );
    expect(outcome.status).toBe(302);
    const threadId = outcome.location!.split("/").at(-1)!;
    const poll = await prisma.forumPoll.findUniqueOrThrow({
      where: { threadId },
      select: {
        question: true,
        multipleChoice: true,
        resultsBeforeVote: true,
        closesAt: true,
        options: { select: { label: true }, orderBy: { position: "asc" } },
      },
    });
    expect(poll).toEqual({
      question: "Where do most of your sales happen?",
      multipleChoice: true,
      resultsBeforeVote: false,
      closesAt: new Date(`${isoDay(30)}T23:59:59.000Z`),
      options: [{ label: "Markets" }, { label: "Online shop" }, { label: "Shops of partners" }],
    });
  });

  test("the new-thread form without poll fields makes a thread without a poll; a half-filled or bad poll is refused with what was typed", async () => {
    const { bySlug } = await forumCategories();
    const start = (fields: Record<string, string>) =>
      run(
        newThread.action,
        formRequest(
          "/forum/new",
          { categoryId: bySlug.get("social-entrepreneurship")!, title: "A plain thread", body: "No poll here.", ...fields },
          author.cookie,
        ),
      );
    const plain = await start({});
    expect(plain.status).toBe(302);
    expect(await prisma.forumPoll.count({ where: { threadId: plain.location!.split("/").at(-1)! } })).toBe(0);
    const before = await prisma.forumThread.count();
    for (const [fields, field, error] of [
      [{ pollOptions: "Yes\nNo" }, "pollQuestion", "forumPoll.errors.questionRequired"],
      [{ pollQuestion: "Is it?" }, "pollOptions", "forumPoll.errors.tooFewOptions"],
      [{ pollQuestion: "Is it?", pollOptions: "Only one" }, "pollOptions", "forumPoll.errors.tooFewOptions"],
      [
        { pollQuestion: "Is it?", pollOptions: Array.from({ length: 21 }, (_, i) => `Option ${i}`).join("\n") },
        "pollOptions",
        "forumPoll.errors.tooManyOptions",
      ],
      [{ pollQuestion: "Is it?", pollOptions: "Yes\nyes" }, "pollOptions", "forumPoll.errors.repeatedOption"],
      [{ pollQuestion: "Is it?", pollOptions: `Yes\n${"n".repeat(201)}` }, "pollOptions", "forumPoll.errors.optionTooLong"],
      [{ pollQuestion: "Is?", pollOptions: "Yes\nNo" }, "pollQuestion", "forumPoll.errors.questionTooShort"],
      [
        { pollQuestion: "Is it?", pollOptions: "Yes\nNo", pollClosesOn: isoDay(0) },
        "pollClosesOn",
        "forumModeration.errors.closingDatePast",
      ],
      [{ pollQuestion: "Is it?", pollOptions: "Yes\nNo", pollClosesOn: "soon" }, "pollClosesOn", "forumModeration.errors.closingDate"],
      [{ pollQuestion: "Is it?", pollOptions: "Yes\nNo", pollResults: "never" }, "pollResults", "errors.chooseOne"],
    ] as const) {
      const refused = await start(fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      const reply = (refused.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
      expect(reply.error[field], JSON.stringify(fields)).toEqual([error]);
      expect(reply.initialValue.title).toBe("A plain thread");
    }
    expect(await prisma.forumThread.count()).toBe(before);
  });

  test("a ministry opens a consultation with a poll, which may not outlast it; without a date it closes with the consultation", async () => {
    const open = (fields: Record<string, string>) =>
      run(
        newConsultation.action,
        formRequest(
          "/forum/consultations/new",
          {
            title: "Support programmes",
            question: "Which support programme should come first?",
            closesOn: isoDay(14),
            pollQuestion: "Which programme first?",
            pollOptions: "Grants\nLoans",
            ...fields,
          },
          ministry.cookie,
        ),
      );
    const late = await open({ pollClosesOn: isoDay(20) });
    expect(late.status).toBe(400);
    expect((late.data as { error: Record<string, string[]> }).error.pollClosesOn).toEqual(["forumPoll.errors.afterConsultation"]);
    const opened = await open({});
    expect(opened).toMatchObject({ status: 302, notice: { message: "forumModeration.notice.opened" } });
    const threadId = opened.location!.split("/").at(-1)!;
    const view = await getPollView({ threadId, reader: null });
    expect(view).toMatchObject({
      question: "Which programme first?",
      isConsultation: true,
      open: true,
      closesAt: new Date(`${isoDay(14)}T23:59:59.000Z`),
    });
  });

  test("the author adds a poll to their thread later, on the poll's form; nobody else may", async () => {
    const thread = await createTestThread({ userId: author.id });
    const form = (
      person: Person | null,
      fields: Record<string, string> = { pollQuestion: "Shall we meet in May?", pollOptions: "Yes\nNo" },
    ) => run(pollForm.action, formRequest(`/forum/threads/${thread.id}/poll/edit`, fields, person?.cookie), { id: thread.id });
    expect(
      (await run(pollForm.loader, getRequest(`/forum/threads/${thread.id}/poll/edit`, voters[0]!.cookie), { id: thread.id })).status,
    ).toBe(403);
    expect((await form(voters[0]!)).status).toBe(403);
    expect((await form(null)).status).toBe(302);
    expect((await form(author, { pollQuestion: "" })).status).toBe(400);
    const shown = await run(threadPage.loader, getRequest(`/forum/threads/${thread.id}`, author.cookie), { id: thread.id });
    expect(shown.data).toMatchObject({ poll: null, mayAddPoll: true });
    expect(
      (await run(threadPage.loader, getRequest(`/forum/threads/${thread.id}`, voters[0]!.cookie), { id: thread.id })).data,
    ).toMatchObject({ mayAddPoll: false });
    const added = await form(author);
    expect(added).toMatchObject({ status: 302, location: `/forum/threads/${thread.id}`, notice: { message: "forumPoll.notice.added" } });
    const after = await run(threadPage.loader, getRequest(`/forum/threads/${thread.id}`, author.cookie), { id: thread.id });
    expect(after.data).toMatchObject({ poll: { question: "Shall we meet in May?", viewer: { mayEdit: true } }, mayAddPoll: false });
    expect((await run(pollForm.loader, getRequest("/forum/threads/missing/poll/edit", author.cookie), { id: "missing" })).status).toBe(404);
  });
});

describe("voting", () => {
  test("one vote per account: twelve votes from one account at once leave one ballot with one choice", async () => {
    const threadId = await threadWithPoll();
    const options = await optionIds(threadId);
    const person = voters[0]!;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => castVote({ user: asUser(person), threadId, optionIds: [options[i % 3]!] })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && !o.changed)).toHaveLength(1);
    expect(await prisma.forumPollBallot.count({ where: { pollId: threadId } })).toBe(1);
    expect(await prisma.forumPollChoice.count({ where: { pollId: threadId } })).toBe(1);
    const view = await getPollView({ threadId, reader: null });
    expect(view!.voters).toBe(1);
    expect(view!.results!.options.reduce((sum, o) => sum + o.votes, 0)).toBe(1);
  });

  test("many accounts voting at once are each counted once", async () => {
    const threadId = await threadWithPoll();
    const [first, second] = await optionIds(threadId);
    const people = [...voters, author, ministry, moderator];
    await Promise.all(
      people.flatMap((person, i) => [
        castVote({ user: asUser(person), threadId, optionIds: [i % 2 ? first! : second!] }),
        castVote({ user: asUser(person), threadId, optionIds: [first!] }),
      ]),
    );
    const view = await getPollView({ threadId, reader: null });
    expect(view!.voters).toBe(people.length);
    expect(view!.results!.options.reduce((sum, o) => sum + o.votes, 0)).toBe(people.length);
  });

  test("a vote changes until the poll closes: the counts follow, the page says so, and the reader sees their own choice", async () => {
    const threadId = await threadWithPoll();
    const [tax, loans] = await optionIds(threadId);
    const first = await vote(threadId, voters[1]!, tax!, { redirectTo: `/forum/threads/${threadId}` });
    expect(first).toMatchObject({ status: 302, location: `/forum/threads/${threadId}`, notice: { message: "forumPoll.notice.voted" } });
    expect(await votesOf(threadId)).toEqual([1, 0, 0]);
    const changed = await vote(threadId, voters[1]!, loans!);
    expect(changed).toMatchObject({
      status: 302,
      location: `/forum/threads/${threadId}/poll`,
      notice: { message: "forumPoll.notice.changed" },
    });
    expect(await votesOf(threadId)).toEqual([0, 1, 0]);
    const seen = await run(threadPage.loader, getRequest(`/forum/threads/${threadId}`, voters[1]!.cookie), { id: threadId });
    expect(seen.data).toMatchObject({ poll: { voters: 1, viewer: { chosen: [loans], refusal: null } } });
    // The poll's closing date passes: the vote stays as it was.
    await prisma.forumPoll.update({ where: { threadId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const late = await vote(threadId, voters[1]!, tax!);
    expect(late.status).toBe(409);
    expect(errorsOf(late.data)[""]).toEqual(["forumPoll.refusal.closed"]);
    expect(await votesOf(threadId)).toEqual([0, 1, 0]);
  });

  test("a single-choice poll takes exactly one of its own options; a multiple-choice poll one or more", async () => {
    const single = await threadWithPoll();
    const multiple = await threadWithPoll({ multipleChoice: true });
    const [a, b] = await optionIds(single);
    const [ma, , mc] = await optionIds(multiple);
    const two = await vote(single, voters[2]!, [a!, b!]);
    expect(two.status).toBe(400);
    expect(errorsOf(two.data).choice).toEqual(["forumPoll.errors.invalidChoice"]);
    expect((await vote(single, voters[2]!, ma!)).status).toBe(400);
    expect((await vote(single, voters[2]!, "not an id!")).status).toBe(400);
    const none = await vote(single, voters[2]!, []);
    expect(none.status).toBe(400);
    expect(errorsOf(none.data).choice).toEqual(["forumPoll.errors.chooseOption"]);
    expect(
      (await run(pollPage.action, formRequest(`/forum/threads/${single}/poll`, { intent: "shout" }, voters[2]!.cookie), { id: single }))
        .status,
    ).toBe(400);
    expect((await vote("missing", voters[2]!, a!)).status).toBe(404);
    expect(await prisma.forumPollBallot.count({ where: { pollId: single } })).toBe(0);
    expect((await vote(multiple, voters[2]!, [ma!, mc!])).status).toBe(302);
    expect(await votesOf(multiple)).toEqual([1, 0, 1]);
    const shares = (await getPollView({ threadId: multiple, reader: null }))!.results!.options.map((o) => o.share);
    expect(shares).toEqual([1, 0, 1]);
  });

  test("visitors must log in to vote", async () => {
    const threadId = await threadWithPoll();
    const [a] = await optionIds(threadId);
    const outcome = await run(pollPage.action, formRequest(`/forum/threads/${threadId}/poll`, { intent: "vote", choice: a! }), {
      id: threadId,
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/login\?/);
    expect((await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`), { id: threadId })).data).toMatchObject({
      poll: { viewer: null },
    });
  });

  test("suspended accounts cannot vote (mayVote says why), and vote again once the suspension is lifted", async () => {
    const threadId = await threadWithPoll();
    const [a] = await optionIds(threadId);
    const person = await createTestUser();
    expect(await mayVote(person)).toEqual({ ok: true });
    expect((await suspendUser({ moderatorId: moderator.id, userId: person.id, days: 2, reason: "Spam" })).ok).toBe(true);
    expect(await mayVote(person)).toMatchObject({ ok: false, refusal: { reason: "suspended" } });
    const refused = await vote(threadId, person, a!);
    expect(refused.status).toBe(403);
    expect(errorsOf(refused.data)[""]).toEqual(["forumPoll.refusal.suspended"]);
    expect(await prisma.forumPollBallot.count({ where: { pollId: threadId } })).toBe(0);
    const seen = await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`, person.cookie), { id: threadId });
    expect(seen.data).toMatchObject({ poll: { viewer: { refusal: { reason: "suspended" } } } });
    await prisma.userSuspension.updateMany({ where: { userId: person.id }, data: { liftedAt: new Date() } });
    expect((await vote(threadId, person, a!)).status).toBe(302);
  });
  test("an account whose e-mail address is not confirmed cannot vote, and votes once it is", async () => {
    const threadId = await threadWithPoll();
    const [a] = await optionIds(threadId);
    const newcomer = await createTestUser({ confirmed: false });
    expect(await mayVote(newcomer)).toEqual({ ok: false, refusal: { reason: "unconfirmed" } });
    const refused = await vote(threadId, newcomer, a!);
    expect(refused.status).toBe(403);
    expect(errorsOf(refused.data)[""]).toEqual(["confirmEmail.requiredToVote"]);
    const seen = await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`, newcomer.cookie), { id: threadId });
    expect(seen.data).toMatchObject({ poll: { viewer: { refusal: { reason: "unconfirmed" } } } });
    await prisma.user.update({ where: { id: newcomer.id }, data: { emailConfirmedAt: new Date() } });
    expect((await vote(threadId, newcomer, a!)).status).toBe(302);
    expect(await votesOf(threadId)).toEqual([1, 0, 0]);
  });
});

describe("changing a poll", () => {
  test("the author changes the question and options until the first vote; after it every change is refused", async () => {
    const threadId = await threadWithPoll();
    const author = ownerOf(threadId);
    const edit = (fields: Record<string, string>) =>
      run(
        pollForm.action,
        formRequest(
          `/forum/threads/${threadId}/poll/edit`,
          { pollQuestion: "Which support helps you most now?", pollOptions: "Tax relief\nGrants", ...fields },
          author.cookie,
        ),
        { id: threadId },
      );
    expect(await edit({})).toMatchObject({ status: 302, notice: { message: "forumPoll.notice.saved" } });
    expect((await getPollView({ threadId, reader: null }))!.options.map((o) => o.label)).toEqual(["Tax relief", "Grants"]);
    const [tax] = await optionIds(threadId);
    expect((await vote(threadId, voters[0]!, tax!)).status).toBe(302);
    const refused = await edit({ pollOptions: "Tax relief\nGrants\nLoans" });
    expect(refused.status).toBe(409);
    expect(errorsOf(refused.data)[""]).toEqual(["forumPoll.refusal.hasVotes"]);
    expect(await savePoll({ user: asUser(author), threadId, input: { ...POLL, options: ["Tax relief", "Loans"] } })).toEqual({
      ok: false,
      refusal: { reason: "has_votes" },
    });
    const poll = await getPollView({ threadId, reader: asUser(author) });
    expect(poll!.options.map((o) => o.label)).toEqual(["Tax relief", "Grants"]);
    expect(poll!.viewer!.mayEdit).toBe(false);
    expect(await votesOf(threadId)).toEqual([1, 0]);
    expect(
      (await run(pollForm.loader, getRequest(`/forum/threads/${threadId}/poll/edit`, author.cookie), { id: threadId })).data,
    ).toMatchObject({ hasVotes: true });
  });
  test("a change of options racing the first vote: either the vote counts and the change is refused, or the change is made and the vote refused", async () => {
    for (let round = 0; round < 6; round++) {
      const threadId = await threadWithPoll();
      const [first] = await optionIds(threadId);
      const [voted, saved] = await Promise.all([
        castVote({ user: asUser(voters[round % voters.length]!), threadId, optionIds: [first!] }),
        savePoll({ user: asUser(ownerOf(threadId)), threadId, input: { ...POLL, options: ["Something else", "Another thing"] } }),
      ]);
      const labels = (await getPollView({ threadId, reader: null }))!.options.map((o) => o.label);
      const ballots = await prisma.forumPollBallot.count({ where: { pollId: threadId } });
      if (voted.ok) {
        expect(saved).toEqual({ ok: false, refusal: { reason: "has_votes" } });
        expect([labels, ballots]).toEqual([POLL.options, 1]);
      } else {
        expect(voted).toEqual({ ok: false, refusal: { reason: "invalid_choice" } });
        expect(saved).toEqual({ ok: true, created: false });
        expect([labels, ballots]).toEqual([["Something else", "Another thing"], 0]);
      }
    }
  });
});

describe("closing", () => {
  test("a moderator closes a poll early, with a reason kept in the moderation log; nobody else may", async () => {
    const threadId = await threadWithPoll();
    const author = ownerOf(threadId);
    const [a] = await optionIds(threadId);
    const close = (person: Person, reason = "Heated, and the question is settled") =>
      run(
        pollPage.action,
        formRequest(
          `/forum/threads/${threadId}/poll`,
          { intent: "close", reason, redirectTo: `/forum/threads/${threadId}` },
          person.cookie,
        ),
        { id: threadId },
      );
    expect((await close(author)).status).toBe(403);
    expect((await close(moderator, "")).status).toBe(400);
    expect(await close(moderator)).toMatchObject({
      status: 302,
      location: `/forum/threads/${threadId}`,
      notice: { message: "forumPoll.notice.closed" },
    });
    const logged = await prisma.moderationAction.findMany({
      where: { threadId, action: "close_poll" },
      select: { moderatorId: true, reason: true, targetUserId: true },
    });
    expect(logged).toEqual([{ moderatorId: moderator.id, reason: "Heated, and the question is settled", targetUserId: author.id }]);
    const again = await close(moderator);
    expect(again.status).toBe(409);
    expect(errorsOf(again.data)[""]).toEqual(["forumPoll.refusal.alreadyClosed"]);
    expect((await vote(threadId, voters[0]!, a!)).status).toBe(409);
    expect((await getPollView({ threadId, reader: asUser(moderator, ["moderator"]) }))!).toMatchObject({
      open: false,
      viewer: { mayClose: false, refusal: { reason: "closed" } },
    });
  });

  test("closing the consultation closes its poll", async () => {
    const threadId = await consultationWithPoll();
    const [a] = await optionIds(threadId);
    expect((await vote(threadId, voters[0]!, a!)).status).toBe(302);
    const closed = await run(
      consultationPage.action,
      formRequest(`/forum/consultations/${threadId}`, { intent: "close", confirm: "on" }, ministry.cookie),
      { id: threadId },
    );
    expect(closed.status).toBe(302);
    expect((await prisma.forumPoll.findUniqueOrThrow({ where: { threadId }, select: { closedAt: true } })).closedAt).not.toBeNull();
    const late = await vote(threadId, voters[1]!, a!);
    expect(late.status).toBe(409);
    expect(await votesOf(threadId)).toEqual([1, 0, 0]);
    const shown = await run(consultationPage.loader, getRequest(`/forum/consultations/${threadId}`), { id: threadId });
    expect(shown.data).toMatchObject({ open: false, poll: { open: false, voters: 1 } });
  });

  test("a consultation past its date takes no votes, though nobody closed it", async () => {
    const threadId = await consultationWithPoll();
    await prisma.forumConsultation.update({ where: { threadId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const [a] = await optionIds(threadId);
    expect(await castVote({ user: asUser(voters[0]!), threadId, optionIds: [a!] })).toEqual({ ok: false, refusal: { reason: "closed" } });
  });
});

describe("results", () => {
  test("counts and shares of voters; a poll showing results only after voting hides them from others until it closes", async () => {
    const threadId = await threadWithPoll({ resultsBeforeVote: false });
    const [tax, loans] = await optionIds(threadId);
    await castVote({ user: asUser(voters[0]!), threadId, optionIds: [tax!] });
    await castVote({ user: asUser(voters[1]!), threadId, optionIds: [tax!] });
    await castVote({ user: asUser(voters[2]!), threadId, optionIds: [loans!] });
    const visitor = await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`), { id: threadId });
    expect(visitor.data).toMatchObject({ poll: { voters: 3, results: null } });
    expect(JSON.stringify(visitor.data)).not.toMatch(/"votes"/);
    const notYet = await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`, voters[3]!.cookie), { id: threadId });
    expect(notYet.data).toMatchObject({ poll: { results: null } });
    expect((await run(pollCsv.loader, getRequest(`/forum/threads/${threadId}/poll.csv`, voters[3]!.cookie), { id: threadId })).status).toBe(
      403,
    );
    const voted = await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`, voters[0]!.cookie), { id: threadId });
    const results = (voted.data as { poll: { results: { options: { votes: number; share: number }[]; breakdown: unknown } } }).poll.results;
    expect(results.options.map((o) => [o.votes, Math.round(o.share * 1000) / 1000])).toEqual([
      [2, 0.667],
      [1, 0.333],
      [0, 0],
    ]);
    // Not a consultation: no breakdown by role.
    expect(results.breakdown).toBeNull();
    await prisma.forumPoll.update({ where: { threadId }, data: { closedAt: new Date() } });
    expect((await run(pollPage.loader, getRequest(`/forum/threads/${threadId}/poll`), { id: threadId })).data).toMatchObject({
      poll: { results: { voters: 3 } },
    });
  });

  test("a consultation's breakdown by role shows only groups of at least 5 voters, and withholds the next smallest with the small ones", async () => {
    const threadId = await consultationWithPoll();
    const [tax, loans] = await optionIds(threadId);
    const group = async (roles: RoleName[], count: number, option: string) => {
      for (let i = 0; i < count; i++) {
        const person = await createTestUser({ roles });
        expect((await vote(threadId, person, option)).status).toBe(302);
      }
    };
    await group(["funder"], 6, tax!);
    await group(["entrepreneur"], 5, loans!);
    await group(["ministry"], 2, tax!);
    await group(["verifier"], 1, loans!);
    const view = await getPollView({ threadId, reader: null });
    expect(view!.voters).toBe(14);
    expect(view!.results!.options.map((o) => o.votes)).toEqual([8, 6, 0]);
    // Ministry (2) and verifier (1) are too small; together 3, which the totals would give away, so entrepreneurs (5) are withheld too.
    expect(view!.results!.breakdown).toEqual({ groups: [{ group: "funder", voters: 6, votes: [6, 0, 0] }], withheld: true });
    // Two more ministry officials and two more verifiers: the withheld ones add up to 7, so entrepreneurs are shown.
    await group(["ministry"], 2, loans!);
    await group(["verifier"], 2, loans!);
    const wider = await getPollView({ threadId, reader: null });
    expect(wider!.results!.breakdown).toEqual({
      groups: [
        { group: "funder", voters: 6, votes: [6, 0, 0] },
        { group: "entrepreneur", voters: 5, votes: [0, 5, 0] },
      ],
      withheld: true,
    });
  });

  test("the results export as CSV in the reader's language and spreadsheet style, the breakdown's shown groups only", async () => {
    const threadId = await consultationWithPoll();
    const [tax, loans] = await optionIds(threadId);
    for (let i = 0; i < 6; i++) await vote(threadId, await createTestUser({ roles: ["funder"] }), i < 4 ? tax! : loans!);
    for (let i = 0; i < 5; i++) await vote(threadId, await createTestUser({ roles: ["entrepreneur"] }), loans!);
    // One verifier: withheld, and the entrepreneurs with them (the totals would give the verifier's vote away).
    await vote(threadId, await createTestUser({ roles: ["verifier"] }), loans!);
    const reader = await createTestUser();
    await prisma.user.update({ where: { id: reader.id }, data: { locale: "ru" } });
    const response = (await pollCsv.loader({
      request: getRequest(`/forum/threads/${threadId}/poll.csv`, reader.cookie),
      params: { id: threadId },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="ortaq-poll-${threadId}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so spreadsheets read the Cyrillic right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    // Written for a spreadsheet set to Russian, as every export is: `;` between columns, a decimal comma.
    expect(text.slice(1).trimEnd().split("\r\n")).toEqual([
      "Вариант;Голоса;Доля проголосовавших (%);Финансирующие организации: голоса",
      "Tax relief;4;33,3;4",
      "Cheaper loans;8;66,7;2",
      "Public procurement;0;0;0",
      "Проголосовали;12;;6",
    ]);
    const english = await (
      (await pollCsv.loader({
        request: getRequest(`/forum/threads/${threadId}/poll.csv`),
        params: { id: threadId },
        context: {},
      })) as Response
    ).text();
    expect(english.split("\r\n").slice(0, 2)).toEqual(["Option,Votes,Share of voters (%),Funders: votes", "Tax relief,4,33.3,4"]);
    expect((await run(pollCsv.loader, getRequest("/forum/threads/missing/poll.csv"), { id: "missing" })).status).toBe(404);
    expect((await run(pollCsv.loader, getRequest("/forum/threads/bad!id/poll.csv"), { id: "bad!id" })).status).toBe(404);
  });

  test("a consultation's summary cites its poll: the final results are shown with it", async () => {
    const threadId = await consultationWithPoll();
    const [, loans] = await optionIds(threadId);
    await vote(threadId, voters[0]!, loans!);
    await closeConsultation({ threadId });
    const published = await run(
      consultationPage.action,
      formRequest(
        `/forum/consultations/${threadId}`,
        { intent: "summary", summary: "Cheaper loans came first in the poll and the replies.", citePoll: "on" },
        ministry.cookie,
      ),
      { id: threadId },
    );
    expect(published.status).toBe(302);
    const shown = await run(consultationPage.loader, getRequest(`/forum/consultations/${threadId}`), { id: threadId });
    expect(shown.data).toMatchObject({
      consultation: { summaryCitesPoll: true },
      poll: { results: { voters: 1, options: [{ votes: 0 }, { votes: 1 }, { votes: 0 }] } },
    });
    const thread = await run(threadPage.loader, getRequest(`/forum/threads/${threadId}`), { id: threadId });
    expect(thread.data).toMatchObject({ thread: { consultation: { summaryCitesPoll: true } }, poll: { results: { voters: 1 } } });
    // Published again without the box ticked, it no longer cites them; a consultation without a poll never does.
    await publishSummary({ threadId, userId: ministry.id, summary: "Corrected: no poll cited." });
    expect(
      (await prisma.forumConsultation.findUniqueOrThrow({ where: { threadId }, select: { summaryCitesPoll: true } })).summaryCitesPoll,
    ).toBe(false);
    const plain = await createConsultation({
      userId: ministry.id,
      country: "KZ",
      title: "No poll here",
      question: "Anything to add?",
      closesAt: new Date(Date.now() + DAY * 3),
    });
    if (!plain.ok) throw new Error("not opened");
    await closeConsultation({ threadId: plain.threadId });
    await publishSummary({ threadId: plain.threadId, userId: ministry.id, summary: "Nothing was cited.", citePoll: true });
    expect(
      (await prisma.forumConsultation.findUniqueOrThrow({ where: { threadId: plain.threadId }, select: { summaryCitesPoll: true } }))
        .summaryCitesPoll,
    ).toBe(false);
  });
});
