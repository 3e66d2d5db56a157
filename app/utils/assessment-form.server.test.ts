// Needs no database.
import { describe, expect, test } from "vitest";
import { currentMethodology as m, type Answers } from "../../scoring";
import { NONE_OF_THESE, parseSection } from "~/utils/assessment-form.server";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

describe("reading a questionnaire section", () => {
  test("“none of these” ticked together with an option is refused with its own message, and nothing is saved for it", () => {
    const parsed = parseSection(form({ shown: "ep_partners", "q.ep_partners": ["business", NONE_OF_THESE] }), m, {});
    expect(parsed.errors).toEqual({ ep_partners: "none_with_others" });
    expect(parsed.answers).toEqual({});
    expect(parsed.cleared).toEqual([]);
    expect(parsed.raw.ep_partners!.value).toEqual(["business", NONE_OF_THESE]);
  });

  test("“none of these” alone is the answer “none”; options alone are saved", () => {
    expect(parseSection(form({ shown: "ep_partners", "q.ep_partners": NONE_OF_THESE }), m, {}).answers).toEqual({ ep_partners: [] });
    expect(parseSection(form({ shown: "ep_partners", "q.ep_partners": ["business", "ngos"] }), m, {}).answers).toEqual({
      ep_partners: ["business", "ngos"],
    });
  });

  test("shares of income above 100 % in all are refused on both fields, and neither is saved", () => {
    const parsed = parseSection(
      form({ shown: ["es_trading_income_share", "es_grant_share"], "q.es_trading_income_share": "80", "q.es_grant_share": "50" }),
      m,
      {},
    );
    expect(parsed.errors).toEqual({ es_trading_income_share: "shares_exceed_whole", es_grant_share: "shares_exceed_whole" });
    expect(parsed.answers).toEqual({});
  });

  test("a share that takes the saved other share above 100 % is refused; the saved one stays as it was", () => {
    const saved: Answers = { es_trading_income_share: 80 };
    const parsed = parseSection(form({ shown: "es_grant_share", "q.es_grant_share": "50" }), m, saved);
    expect(parsed.errors).toEqual({ es_grant_share: "shares_exceed_whole" });
    expect(parsed.answers).toEqual({});
    const fine = parseSection(form({ shown: "es_grant_share", "q.es_grant_share": "20" }), m, saved);
    expect(fine.errors).toEqual({});
    expect(fine.answers).toEqual({ es_grant_share: 20 });
  });

  test("a number outside its range is refused as out of range", () => {
    const parsed = parseSection(form({ shown: "es_grant_share", "q.es_grant_share": "140" }), m, {});
    expect(parsed.errors).toEqual({ es_grant_share: "out_of_range" });
  });
});
