// Needs no database.
import { describe, expect, test } from "vitest";
import { isConsultationOpen } from "~/utils/forum-consultation";

describe("isConsultationOpen", () => {
  const now = new Date("2026-05-01T12:00:00Z");

  test("is open before its closing instant and closed from that instant on", () => {
    expect(isConsultationOpen({ closesAt: new Date("2026-05-01T12:00:01Z"), closedAt: null }, now)).toBe(true);
    expect(isConsultationOpen({ closesAt: new Date("2026-05-01T12:00:00Z"), closedAt: null }, now)).toBe(false);
  });

  test("is closed once closed early, whatever its date", () => {
    expect(isConsultationOpen({ closesAt: new Date("2026-06-01T00:00:00Z"), closedAt: new Date("2026-04-30T00:00:00Z") }, now)).toBe(false);
  });

  test("reads the dates a loader serialised as strings, and a time in milliseconds, the same way", () => {
    expect(isConsultationOpen({ closesAt: "2026-06-01T00:00:00.000Z", closedAt: null }, now)).toBe(true);
    expect(isConsultationOpen({ closesAt: "2026-06-01T00:00:00.000Z", closedAt: null }, new Date("2026-06-02T00:00:00Z").getTime())).toBe(
      false,
    );
    expect(isConsultationOpen({ closesAt: "2026-06-01T00:00:00.000Z", closedAt: "2026-04-30T00:00:00.000Z" }, now)).toBe(false);
  });
});
