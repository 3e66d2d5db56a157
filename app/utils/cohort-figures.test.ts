// Needs no database.
import { describe, expect, test } from "vitest";
import { cohortFigures, type CohortMemberProgress } from "~/utils/cohort-figures";
import { MIN_GROUP } from "~/utils/sector-disclosure";

const DIMENSIONS = ["social_impact", "inclusion"];

const rated = (overall: number, dimensions: Record<string, number>, plan = { done: 1, total: 4 }, sessions = 2): CohortMemberProgress => ({
  rating: { overall, dimensions },
  plan,
  sessions,
});
const unrated: CohortMemberProgress = { rating: null, plan: null, sessions: 3 };

describe("a cohort's figures", () => {
  test("are withheld while fewer than the small group's size are rated, however many are in the cohort", () => {
    const members = [...Array.from({ length: MIN_GROUP - 1 }, () => rated(50, { social_impact: 50, inclusion: 50 })), unrated, unrated];
    expect(cohortFigures(members, DIMENSIONS)).toEqual({ rated: MIN_GROUP - 1, figures: null });
  });

  test("are the averages, median and sums over the rated enterprises only", () => {
    const members = [
      rated(40, { social_impact: 30, inclusion: 60 }, { done: 1, total: 5 }, 0),
      rated(50, { social_impact: 40, inclusion: 70 }, { done: 2, total: 4 }, 1),
      rated(60, { social_impact: 50, inclusion: 80 }, { done: 0, total: 6 }, 2),
      rated(70, { social_impact: 60 }, { done: 3, total: 3 }, 0),
      rated(90, { social_impact: 70, inclusion: 90 }, { done: 1, total: 2 }, 4),
      rated(100, { social_impact: 80, inclusion: 100 }, { done: 0, total: 1 }, 1),
      unrated,
    ];
    expect(cohortFigures(members, DIMENSIONS)).toEqual({
      rated: 6,
      figures: {
        meanOverall: 68.33,
        medianOverall: 65,
        // A dimension an enterprise's result lacks counts as 0, as on the sector page.
        dimensions: [
          { id: "social_impact", mean: 55 },
          { id: "inclusion", mean: 66.67 },
        ],
        planItemsDone: 7,
        planItemsTotal: 21,
        // The unrated enterprise's three sessions are not among the figures of the rated ones.
        sessions: 8,
      },
    });
  });

  test("have an odd count's median as its middle figure", () => {
    const members = [10, 80, 30, 50, 20].map((overall) => rated(overall, {}));
    expect(cohortFigures(members, DIMENSIONS).figures?.medianOverall).toBe(30);
  });
});
