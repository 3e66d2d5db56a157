// Polls in forum threads and consultations: adding one (the thread's author, or whoever manages the
// consultation), changing it until the first vote, voting (one ballot per account, changed in place
// until the poll closes), and the results as a reader may see them. Moderators close a poll early
// through the moderation model (closePoll), which logs it; closing a consultation closes its poll.
import { mayManageConsultation } from "~/models/forum-consultation.server";
import { activeSuspension } from "~/models/forum-moderation.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma, type Tx } from "~/utils/db.server";
import { isConsultationOpen } from "~/utils/forum-consultation";
import {
  isPollOpen,
  POLL_VOTER_GROUPS,
  pollClosedOn,
  shareOfVoters,
  splitBreakdown,
  voterGroupOf,
  type PollVoterGroup,
} from "~/utils/forum-poll";
import type { PollInput } from "~/utils/forum-poll-validation";
import { isForumModerator } from "~/utils/permissions.server";

type Reader = Pick<SessionUser, "id" | "roles"> | null;

// ---------------------------------------------------------------------------------------------
// Who may vote

export type VoteRefusal = { reason: "suspended"; until: Date } | { reason: "unconfirmed" };

/**
 * Whether this account may vote now, the one place that decides it: not while suspended, and not
 * before its e-mail address is confirmed (one vote per account means little for throwaway accounts).
 */
export async function mayVote(
  user: { id: string },
  { now = new Date(), tx = prisma }: { now?: Date; tx?: Tx } = {},
): Promise<{ ok: true } | { ok: false; refusal: VoteRefusal }> {
  const suspension = await activeSuspension(user.id, now, tx);
  if (suspension) return { ok: false, refusal: { reason: "suspended", until: suspension.endsAt } };
  const account = await tx.user.findUnique({ where: { id: user.id }, select: { emailConfirmedAt: true } });
  if (!account?.emailConfirmedAt) return { ok: false, refusal: { reason: "unconfirmed" } };
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Adding and changing a poll

/** Who may add a poll to a thread, or change it: the thread's author; for a consultation, whoever may manage it. */
export function mayEditPoll(user: Reader, thread: { authorId: string; consultation: { country: string } | null }) {
  if (!user) return false;
  if (thread.consultation)
    return mayManageConsultation(user, { country: thread.consultation.country, thread: { authorId: thread.authorId } });
  return thread.authorId === user.id;
}

/** Writes a new poll of a thread, inside the transaction that creates the thread or consultation. */
export async function insertPoll(tx: Tx, { threadId, input, now }: { threadId: string; input: PollInput; now: Date }) {
  await tx.forumPoll.create({
    data: {
      threadId,
      question: input.question,
      multipleChoice: input.multipleChoice,
      resultsBeforeVote: input.resultsBeforeVote,
      closesAt: input.closesAt,
      createdAt: now,
      options: { create: input.options.map((label, position) => ({ label, position })) },
    },
    select: { threadId: true },
  });
}

export type PollSaveRefusal =
  | { reason: "not_found" }
  | { reason: "forbidden" }
  | VoteRefusal
  | { reason: "locked" }
  | { reason: "closed" }
  | { reason: "after_consultation" }
  | { reason: "has_votes" };

/**
 * Adds a poll to a thread, or replaces the poll's question, options and settings while nobody has
 * voted: once anyone has, the poll is refused any change (its options would no longer be what people
 * chose). Not in a locked thread, a closed consultation or a closed poll, nor by an account that may
 * not vote (suspended, or its address not confirmed).
 */
export async function savePoll({
  user,
  threadId,
  input,
  now = new Date(),
}: {
  user: Pick<SessionUser, "id" | "roles">;
  threadId: string;
  input: PollInput;
  now?: Date;
}): Promise<{ ok: true; created: boolean } | { ok: false; refusal: PollSaveRefusal }> {
  return prisma.$transaction(async (tx) => {
    // The thread's row serialises saves of its poll; the poll's row (FOR UPDATE) waits for votes in progress.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ForumThread" WHERE id = ${threadId} FOR UPDATE`;
    if (!locked) return { ok: false, refusal: { reason: "not_found" } } as const;
    const thread = await tx.forumThread.findUniqueOrThrow({
      where: { id: threadId },
      select: { authorId: true, locked: true, consultation: { select: { country: true, closesAt: true, closedAt: true } } },
    });
    if (!mayEditPoll(user, thread)) return { ok: false, refusal: { reason: "forbidden" } } as const;
    const allowed = await mayVote(user, { now, tx });
    if (!allowed.ok) return { ok: false, refusal: allowed.refusal } as const;
    if (thread.locked) return { ok: false, refusal: { reason: "locked" } } as const;
    if (thread.consultation && !isConsultationOpen(thread.consultation, now)) return { ok: false, refusal: { reason: "closed" } } as const;
    if (thread.consultation && input.closesAt && input.closesAt > thread.consultation.closesAt)
      return { ok: false, refusal: { reason: "after_consultation" } } as const;
    const [existing] = await tx.$queryRaw<{ closesAt: Date | null; closedAt: Date | null }[]>`
      SELECT "closesAt", "closedAt" FROM "ForumPoll" WHERE "threadId" = ${threadId} FOR UPDATE`;
    if (!existing) {
      await insertPoll(tx, { threadId, input, now });
      return { ok: true, created: true } as const;
    }
    if (!isPollOpen(existing, thread.consultation, now)) return { ok: false, refusal: { reason: "closed" } } as const;
    if ((await tx.forumPollBallot.count({ where: { pollId: threadId } })) > 0)
      return { ok: false, refusal: { reason: "has_votes" } } as const;
    await tx.forumPollOption.deleteMany({ where: { pollId: threadId } });
    await tx.forumPoll.update({
      where: { threadId },
      data: {
        question: input.question,
        multipleChoice: input.multipleChoice,
        resultsBeforeVote: input.resultsBeforeVote,
        closesAt: input.closesAt,
        options: { create: input.options.map((label, position) => ({ label, position })) },
      },
      select: { threadId: true },
    });
    return { ok: true, created: false } as const;
  });
}

/** Closes a consultation's poll with it (inside the transaction that closes the consultation). */
export async function closePollWithConsultation(tx: Tx, { threadId, now }: { threadId: string; now: Date }) {
  await tx.forumPoll.updateMany({ where: { threadId, closedAt: null }, data: { closedAt: now } });
}

// ---------------------------------------------------------------------------------------------
// Voting

export type VoteOutcome =
  | { ok: true; changed: boolean }
  | { ok: false; refusal: { reason: "not_found" } | { reason: "closed" } | { reason: "invalid_choice" } | VoteRefusal };

/**
 * Records one account's vote: its ballot is created, or changed in place (one per account, whatever
 * arrives at once), with exactly one option for a single-choice poll and one or more for a
 * multiple-choice one. Refused once the poll is closed and while the account may not vote (mayVote).
 */
export async function castVote({
  user,
  threadId,
  optionIds,
  now = new Date(),
}: {
  user: Pick<SessionUser, "id" | "roles">;
  threadId: string;
  optionIds: string[];
  now?: Date;
}): Promise<VoteOutcome> {
  return prisma.$transaction(async (tx) => {
    // FOR SHARE: votes go on side by side, while closing the poll or changing its options waits for them (and they for it).
    const [poll] = await tx.$queryRaw<{ multipleChoice: boolean; closesAt: Date | null; closedAt: Date | null }[]>`
      SELECT "multipleChoice", "closesAt", "closedAt" FROM "ForumPoll" WHERE "threadId" = ${threadId} FOR SHARE`;
    if (!poll) return { ok: false, refusal: { reason: "not_found" } } as const;
    const consultation = await tx.forumConsultation.findUnique({ where: { threadId }, select: { closesAt: true, closedAt: true } });
    if (!isPollOpen(poll, consultation, now)) return { ok: false, refusal: { reason: "closed" } } as const;
    const allowed = await mayVote(user, { now, tx });
    if (!allowed.ok) return { ok: false, refusal: allowed.refusal } as const;
    const chosen = [...new Set(optionIds)];
    const found = chosen.length ? await tx.forumPollOption.count({ where: { pollId: threadId, id: { in: chosen } } }) : 0;
    if (chosen.length === 0 || found !== chosen.length || (!poll.multipleChoice && chosen.length !== 1)) {
      return { ok: false, refusal: { reason: "invalid_choice" } } as const;
    }
    // The ballot's row is the account's one vote: a second vote arriving at once waits here for this one, then changes it.
    const at = now.toISOString();
    const [ballot] = await tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "ForumPollBallot" ("pollId", "userId", "voterGroup", "createdAt", "updatedAt")
      VALUES (${threadId}, ${user.id}, ${voterGroupOf(user.roles)}, (${at}::timestamptz AT TIME ZONE 'UTC'), (${at}::timestamptz AT TIME ZONE 'UTC'))
      ON CONFLICT ("pollId", "userId") DO UPDATE SET "voterGroup" = EXCLUDED."voterGroup", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING (xmax = 0) AS inserted`;
    await tx.forumPollChoice.deleteMany({ where: { pollId: threadId, userId: user.id } });
    await tx.forumPollChoice.createMany({ data: chosen.map((optionId) => ({ pollId: threadId, userId: user.id, optionId })) });
    return { ok: true, changed: !ballot!.inserted } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading: the poll as one reader sees it

export interface PollOptionResult {
  id: string;
  label: string;
  votes: number;
  /** The share of voters who chose it, 0 to 1 (over 1 in all for a multiple-choice poll). */
  share: number;
}

export interface PollBreakdownGroup {
  group: PollVoterGroup;
  voters: number;
  /** Votes per option, in the poll's order. */
  votes: number[];
}

export interface PollResults {
  voters: number;
  options: PollOptionResult[];
  /**
   * For a consultation's poll: the groups that may be shown, and whether any is withheld (too few
   * voters). Which groups are withheld is not said: naming one would tell that some of its people voted.
   */
  breakdown: { groups: PollBreakdownGroup[]; withheld: boolean } | null;
}

/** Voters per group, and votes per group and option, read in one statement so that they agree. */
async function countVotes(threadId: string) {
  const rows = await prisma.$queryRaw<{ group: string; optionId: string | null; n: number }[]>`
    SELECT b."voterGroup" AS "group", c."optionId", count(DISTINCT b."userId")::int AS n
    FROM "ForumPollBallot" b
    JOIN "ForumPollChoice" c ON c."pollId" = b."pollId" AND c."userId" = b."userId"
    WHERE b."pollId" = ${threadId}
    GROUP BY GROUPING SETS ((b."voterGroup"), (b."voterGroup", c."optionId"))`;
  const voters = new Map<string, number>();
  const votes = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.optionId === null) voters.set(row.group, row.n);
    else votes.set(row.group, (votes.get(row.group) ?? new Map()).set(row.optionId, row.n));
  }
  return { voters, votes };
}

function resultsOf(
  options: { id: string; label: string }[],
  counted: Awaited<ReturnType<typeof countVotes>>,
  withBreakdown: boolean,
): PollResults {
  const voters = [...counted.voters.values()].reduce((sum, n) => sum + n, 0);
  const votesFor = (optionId: string) => [...counted.votes.values()].reduce((sum, byOption) => sum + (byOption.get(optionId) ?? 0), 0);
  const groups: PollBreakdownGroup[] = POLL_VOTER_GROUPS.map((group) => ({
    group,
    voters: counted.voters.get(group) ?? 0,
    votes: options.map((option) => counted.votes.get(group)?.get(option.id) ?? 0),
  })).filter((g) => g.voters > 0);
  const { shown, withheld } = splitBreakdown(groups);
  return {
    voters,
    options: options.map((option) => {
      const votes = votesFor(option.id);
      return { id: option.id, label: option.label, votes, share: shareOfVoters(votes, voters) };
    }),
    breakdown: withBreakdown ? { groups: shown, withheld: withheld.length > 0 } : null,
  };
}

/**
 * A thread's poll as `reader` sees it, or null when the thread has none: its question, options and
 * state; the results only when the reader may see them (always, if the poll shows them before voting;
 * otherwise once the reader voted or the poll closed); the reader's own choices and what they may do.
 */
export async function getPollView({ threadId, reader, now = new Date() }: { threadId: string; reader: Reader; now?: Date }) {
  const poll = await prisma.forumPoll.findUnique({
    where: { threadId },
    select: {
      question: true,
      multipleChoice: true,
      resultsBeforeVote: true,
      closesAt: true,
      closedAt: true,
      options: { select: { id: true, label: true }, orderBy: { position: "asc" } },
      thread: {
        select: {
          title: true,
          authorId: true,
          kind: true,
          language: true,
          locked: true,
          consultation: { select: { country: true, closesAt: true, closedAt: true } },
        },
      },
    },
  });
  if (!poll) return null;
  const consultation = poll.thread.consultation;
  const [counted, own, allowed] = await Promise.all([
    countVotes(threadId),
    reader ? prisma.forumPollChoice.findMany({ where: { pollId: threadId, userId: reader.id }, select: { optionId: true } }) : [],
    reader ? mayVote(reader, { now }) : null,
  ]);
  const open = isPollOpen(poll, consultation, now);
  const chosen = own.map((c) => c.optionId);
  const results = resultsOf(poll.options, counted, poll.thread.kind === "consultation");
  const resultsVisible = poll.resultsBeforeVote || !open || chosen.length > 0;
  return {
    threadId,
    threadTitle: poll.thread.title,
    question: poll.question,
    /** The language of the thread: the question and options are written in it. */
    language: poll.thread.language,
    multipleChoice: poll.multipleChoice,
    resultsBeforeVote: poll.resultsBeforeVote,
    /** When an open poll closes by itself: its own closing date or its consultation's, whichever comes first. */
    closesAt: open ? pollClosedOn(poll, consultation) : null,
    closedOn: open ? null : pollClosedOn(poll, consultation),
    open,
    isConsultation: poll.thread.kind === "consultation",
    options: poll.options,
    voters: results.voters,
    results: resultsVisible ? results : null,
    viewer: reader
      ? {
          chosen,
          /** Why the reader may not vote now, if they may not. */
          refusal: !open ? ({ reason: "closed" } as const) : allowed && !allowed.ok ? allowed.refusal : null,
          mayEdit: open && results.voters === 0 && !poll.thread.locked && mayEditPoll(reader, poll.thread),
          mayClose: open && isForumModerator(reader),
        }
      : null,
  };
}

export type PollView = NonNullable<Awaited<ReturnType<typeof getPollView>>>;

/** Whether the reader may add a poll to this thread now (it has none yet). */
export function mayAddPoll(
  reader: Reader,
  thread: { authorId: string; locked: boolean; consultation: { country: string; closesAt: Date; closedAt: Date | null } | null },
  now = new Date(),
) {
  if (thread.locked || (thread.consultation && !isConsultationOpen(thread.consultation, now))) return false;
  return mayEditPoll(reader, thread);
}

/** What the poll's own form needs: the thread (for its page and permissions) and the poll as it stands, if any. */
export async function getPollForEditing(threadId: string) {
  return prisma.forumThread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      title: true,
      kind: true,
      authorId: true,
      locked: true,
      consultation: { select: { country: true, closesAt: true, closedAt: true } },
      poll: {
        select: {
          question: true,
          multipleChoice: true,
          resultsBeforeVote: true,
          closesAt: true,
          closedAt: true,
          options: { select: { label: true }, orderBy: { position: "asc" } },
          _count: { select: { ballots: true } },
        },
      },
    },
  });
}
