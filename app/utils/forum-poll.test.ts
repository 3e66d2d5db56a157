// Needs no database.
import { describe, expect, test } from "vitest";
import { isPollOpen, pollClosedOn, pollOptionLines, pollResultsTable, splitBreakdown, voterGroupOf } from "~/utils/forum-poll";

describe("a poll's options typed one per line", () => {
  test("are trimmed, without empty lines or list markers", () => {
    expect(pollOptionLines("  Markets \r\n\n- Online shop\n* Fairs\n2. Partners\n3) Exports\n")).toEqual([
      "Markets",
      "Online shop",
      "Fairs",
      "Partners",
      "Exports",
    ]);
  });
  test("keep a number that is part of the option", () => {
    expect(pollOptionLines("2026 or later\n10%")).toEqual(["2026 or later", "10%"]);
  });
});

describe("who is in which group of a breakdown", () => {
  test("the first of ministry, funder, verifier and entrepreneur that the voter holds, else other", () => {
    expect(voterGroupOf([{ role: "entrepreneur" }, { role: "ministry" }])).toBe("ministry");
    expect(voterGroupOf([{ role: "entrepreneur" }, { role: "funder" }])).toBe("funder");
    expect(voterGroupOf([{ role: "moderator" }])).toBe("other");
    expect(voterGroupOf([])).toBe("other");
  });
});

describe("the groups of a breakdown that may be shown", () => {
  const groups = (...voters: number[]) => voters.map((n, i) => ({ name: `g${i}`, voters: n }));
  test("shows every group of at least 5 voters when none is smaller", () => {
    expect(splitBreakdown(groups(5, 9))).toEqual({ shown: groups(5, 9), withheld: [] });
  });
  test("withholds a group under 5 with the next smallest, which the totals would otherwise give away", () => {
    const { shown, withheld } = splitBreakdown(groups(12, 4, 6));
    expect(shown.map((g) => g.voters)).toEqual([12]);
    expect(withheld.map((g) => g.voters)).toEqual([4, 6]);
  });
  test("withholds small groups alone once together they reach 5", () => {
    const { shown, withheld } = splitBreakdown(groups(3, 2, 7));
    expect(shown.map((g) => g.voters)).toEqual([7]);
    expect(withheld.map((g) => g.voters)).toEqual([3, 2]);
  });
});

describe("whether a poll takes votes", () => {
  const now = new Date("2027-01-10T12:00:00Z");
  test("until its closing date, and forever without one", () => {
    expect(isPollOpen({ closesAt: "2027-01-11T00:00:00Z", closedAt: null }, null, now)).toBe(true);
    expect(isPollOpen({ closesAt: "2027-01-10T12:00:00Z", closedAt: null }, null, now)).toBe(false);
    expect(isPollOpen({ closesAt: null, closedAt: null }, null, now)).toBe(true);
  });
  test("not once closed early, nor after its consultation", () => {
    expect(isPollOpen({ closesAt: null, closedAt: "2027-01-09T00:00:00Z" }, null, now)).toBe(false);
    expect(isPollOpen({ closesAt: null, closedAt: null }, { closesAt: "2027-01-09T00:00:00Z", closedAt: null }, now)).toBe(false);
    expect(
      isPollOpen({ closesAt: null, closedAt: null }, { closesAt: "2027-02-01T00:00:00Z", closedAt: "2027-01-10T00:00:00Z" }, now),
    ).toBe(false);
  });
  test("a closed poll closed at the earliest of its own closing and its consultation's", () => {
    expect(
      pollClosedOn({ closesAt: "2027-03-01T00:00:00Z", closedAt: null }, { closesAt: "2027-02-01T00:00:00Z", closedAt: null }),
    ).toEqual(new Date("2027-02-01T00:00:00Z"));
  });
});

test("the CSV table has a row per option with its votes and share in percent, and a last row of voters", () => {
  const t = (key: string, options?: Record<string, unknown>) => (options?.group ? `${key}(${String(options.group)})` : key);
  const table = pollResultsTable(
    {
      voters: 3,
      options: [
        { label: "Yes", votes: 2, share: 2 / 3 },
        { label: "No", votes: 1, share: 1 / 3 },
      ],
      breakdown: { groups: [{ group: "funder", voters: 3, votes: [2, 1] }] },
    },
    t,
  );
  expect(table.header).toEqual([
    "forumPoll.results.option",
    "forumPoll.results.votes",
    "forumPoll.csv.share",
    "forumPoll.csv.groupVotes(forumPoll.groups.funder)",
  ]);
  expect(table.rows).toEqual([
    ["Yes", 2, 66.7, 2],
    ["No", 1, 33.3, 1],
    ["forumPoll.csv.voters", 3, "", 3],
  ]);
});
