import { describe, expect, test } from "vitest";
import { oneAtATime } from "~/utils/one-at-a-time.server";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("work that runs one at a time (the directory's exports)", () => {
  test("a second piece of work waits until the first has finished, then runs; both give their results", async () => {
    const inTurn = oneAtATime();
    const events: string[] = [];
    const first = inTurn(async () => {
      events.push("first starts");
      await later(null, 50);
      events.push("first ends");
      return 1;
    }, 5_000);
    const second = inTurn(async () => {
      events.push("second starts");
      return 2;
    }, 5_000);
    expect(await Promise.all([first, second])).toEqual([{ value: 1 }, { value: 2 }]);
    expect(events).toEqual(["first starts", "first ends", "second starts"]);
  });

  test("a waiter whose turn does not come in time gets null and never runs; the next one still gets its turn", async () => {
    const inTurn = oneAtATime();
    let ran = false;
    const first = inTurn(() => later("done", 120), 5_000);
    const impatient = inTurn(async () => {
      ran = true;
    }, 20);
    const patient = inTurn(async () => "patient", 5_000);
    expect(await impatient).toBeNull();
    expect(await first).toEqual({ value: "done" });
    expect(await patient).toEqual({ value: "patient" });
    expect(ran).toBe(false);
  });

  test("work that fails releases its turn", async () => {
    const inTurn = oneAtATime();
    await expect(inTurn(() => Promise.reject(new Error("broken")), 1_000)).rejects.toThrow("broken");
    expect(await inTurn(async () => "after", 50)).toEqual({ value: "after" });
  });
});
