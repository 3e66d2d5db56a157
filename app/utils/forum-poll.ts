// Shared by server and browser: what a forum poll is allowed to be, when it takes votes, whose vote
// counts in which group of a consultation's breakdown, and which groups may be shown.
import { isConsultationOpen } from "~/utils/forum-consultation";
import type { RoleName } from "~/utils/roles";
import { MIN_GROUP, withheldGroups } from "~/utils/sector-disclosure";

export const MIN_POLL_OPTIONS = 2;
export const MAX_POLL_OPTIONS = 20;
export const MAX_POLL_OPTION_LENGTH = 200;
export const MIN_POLL_QUESTION_LENGTH = 5;
export const MAX_POLL_QUESTION_LENGTH = 300;

/**
 * The groups of a consultation poll's breakdown, by the voter's roles when they voted: the first of
 * these roles they hold, else `other` (moderators, administrators, people without a role).
 */
export const POLL_VOTER_GROUPS = ["ministry", "funder", "verifier", "entrepreneur", "other"] as const;
export type PollVoterGroup = (typeof POLL_VOTER_GROUPS)[number];

export function voterGroupOf(roles: readonly { role: RoleName | string }[]): PollVoterGroup {
  for (const group of POLL_VOTER_GROUPS) {
    if (roles.some((r) => r.role === group)) return group;
  }
  return "other";
}

/** A group of a breakdown is shown only with at least this many voters, so nobody's vote can be singled out. */
export const MIN_GROUP_VOTERS = MIN_GROUP;

/**
 * The groups of a breakdown that may be shown, and those withheld: every group under
 * MIN_GROUP_VOTERS voters and, as on the sector pages, the next smallest groups too while the withheld
 * ones add up to fewer than that, since the poll's totals are shown and would give them away.
 */
export function splitBreakdown<G extends { voters: number }>(groups: readonly G[]): { shown: G[]; withheld: G[] } {
  const withheld = withheldGroups(groups.map((g) => g.voters));
  return {
    shown: groups.filter((g, i) => g.voters > 0 && !withheld.has(i)),
    withheld: groups.filter((_, i) => withheld.has(i)),
  };
}

/** The options typed one per line: trimmed, without empty lines or a leading list marker. */
export function pollOptionLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, "").trim())
    .filter(Boolean);
}

export interface PollTiming {
  closesAt: Date | string | null;
  closedAt: Date | string | null;
}

/**
 * Whether a poll takes votes at `now`: not once closed (early, or with its consultation), not past its
 * closing date, and never after its consultation has closed.
 */
export function isPollOpen(
  poll: PollTiming,
  consultation: { closesAt: Date | string; closedAt: Date | string | null } | null,
  now: Date | number = new Date(),
) {
  const at = new Date(now).getTime();
  if (poll.closedAt !== null) return false;
  if (poll.closesAt !== null && new Date(poll.closesAt).getTime() <= at) return false;
  return consultation ? isConsultationOpen(consultation, at) : true;
}

/** When a closed poll closed: the earliest of its own closing, its closing date and its consultation's. */
export function pollClosedOn(
  poll: PollTiming,
  consultation: { closesAt: Date | string; closedAt: Date | string | null } | null,
): Date | null {
  const moments = [poll.closedAt, poll.closesAt, consultation?.closedAt ?? null, consultation?.closesAt ?? null]
    .filter((m): m is Date | string => m !== null)
    .map((m) => new Date(m).getTime());
  return moments.length ? new Date(Math.min(...moments)) : null;
}

/** A share of voters as a fraction (0 to 1) for Intl's percent style; 0 when nobody voted. */
export function shareOfVoters(votes: number, voters: number) {
  return voters === 0 ? 0 : votes / voters;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A poll's results as a table for a CSV export, headed in the reader's language: per option its votes,
 * its share of voters in percent and, for a consultation, its votes in each group that may be shown;
 * the last row counts the voters.
 */
export function pollResultsTable(
  results: {
    voters: number;
    options: { label: string; votes: number; share: number }[];
    breakdown: { groups: { group: string; voters: number; votes: number[] }[] } | null;
  },
  t: Translate,
) {
  const groups = results.breakdown?.groups ?? [];
  const header = [
    t("forumPoll.results.option"),
    t("forumPoll.results.votes"),
    t("forumPoll.csv.share"),
    ...groups.map((g) => t("forumPoll.csv.groupVotes", { group: t(`forumPoll.groups.${g.group}`) })),
  ];
  const rows: (string | number)[][] = results.options.map((option, i) => [
    option.label,
    option.votes,
    Math.round(option.share * 1000) / 10,
    ...groups.map((g) => g.votes[i] ?? 0),
  ]);
  rows.push([t("forumPoll.csv.voters"), results.voters, "", ...groups.map((g) => g.voters)]);
  return { header, rows };
}
