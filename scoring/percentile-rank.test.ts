import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { percentileRank } from "./index";

const score = fc.double({ min: 0, max: 100, noNaN: true });

describe("percentileRank", () => {
  test("counts the peers strictly below and half of the peers equal, as a share from 0 to 100", () => {
    expect(percentileRank(50, [10, 20, 50, 80])).toBe(62.5);
    expect(percentileRank(50, [50, 50, 50, 50])).toBe(50);
    expect(percentileRank(100, [1, 2, 3])).toBe(100);
    expect(percentileRank(0, [1, 2, 3])).toBe(0);
    expect(percentileRank(10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(95);
    expect(percentileRank(2, [3, 1])).toBe(50);
  });

  test("has nothing to say without peers", () => {
    expect(percentileRank(5, [])).toBeNull();
  });

  test("stays within 0 to 100, and never falls as the value rises", () => {
    fc.assert(
      fc.property(score, score, fc.array(score, { minLength: 1, maxLength: 50 }), (a, b, peers) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const p = percentileRank(low, peers)!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(percentileRank(high, peers)!).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  test("does not depend on the order of the peers, and leaves them unchanged", () => {
    fc.assert(
      fc.property(score, fc.array(score, { minLength: 1, maxLength: 50 }), (value, peers) => {
        const copy = [...peers];
        expect(percentileRank(value, [...peers].reverse())).toBe(percentileRank(value, peers));
        expect(peers).toEqual(copy);
      }),
    );
  });
});
