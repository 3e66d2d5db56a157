// Needs no database.
import { describe, expect, test } from "vitest";
import { chartDescription } from "~/components/charts/chart-setup";

describe("a chart's text alternative", () => {
  test("reads its title as one sentence, then each figure to one decimal as the table beside it gives it", () => {
    expect(
      chartDescription(
        "Line chart of the overall score over time; the same figures are in the table below.",
        ["Feb 9, 2025"],
        [{ values: [19.39] }],
        "en",
      ),
    ).toBe("Line chart of the overall score over time; the same figures are in the table below. Feb 9, 2025: 19.4");
  });

  test("names each series when there are several, in the page's language", () => {
    expect(
      chartDescription(
        "Баллы",
        ["Экономика", "Социальное"],
        [
          { name: "A", values: [72.25, 64] },
          { name: "B", values: [50] },
        ],
        "ru",
      ),
    ).toBe("Баллы. A — Экономика: 72,3; Социальное: 64. B — Экономика: 50; Социальное: —");
  });
});
