// Needs no database.
import { describe, expect, test } from "vitest";
import { MIN_GROUP, revealsSmallRemainder, withheldGroups } from "~/utils/sector-disclosure";

describe("withheld groups of a breakdown", () => {
  test("nothing is withheld when every group is large enough", () => {
    expect(withheldGroups([5, 12, 40])).toEqual(new Set());
  });

  test("a small group is withheld together with the next smallest, so the total does not give it away", () => {
    expect(withheldGroups([30, 3, 8, 6])).toEqual(new Set([1, 3]));
  });

  test("small groups that together reach the minimum need no company", () => {
    expect(withheldGroups([30, 3, 2, 9])).toEqual(new Set([1, 2]));
  });

  test("empty groups are neither shown figures nor counted as hidden", () => {
    expect(withheldGroups([0, 20, 1])).toEqual(new Set([2, 1]));
  });

  test("everything is withheld when even all groups together stay under the minimum", () => {
    expect(withheldGroups([1, 2])).toEqual(new Set([0, 1]));
  });
});

describe("a selection next to a wider one", () => {
  test("is withheld when the wider selection adds only a few enterprises", () => {
    expect(revealsSmallRemainder(20, [22])).toBe(true);
    expect(revealsSmallRemainder(20, [20 + MIN_GROUP - 1])).toBe(true);
  });

  test("is shown when the wider selection adds none, or enough", () => {
    expect(revealsSmallRemainder(20, [20, 20 + MIN_GROUP, 300])).toBe(false);
    expect(revealsSmallRemainder(20, [])).toBe(false);
  });
});
