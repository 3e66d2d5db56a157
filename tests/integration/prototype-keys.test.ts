import { describe, expect, test } from "vitest";
import * as compare from "~/routes/compare";
import * as consultations from "~/routes/forum_.consultations";
import * as forumCategory from "~/routes/forum_.$slug";
import * as forumCategoryFeed from "~/routes/forum_.$slug_.feed[.]atom";
import * as apiEnterprise from "~/routes/api.v1.enterprises_.$slug";
import * as apiEnterprises from "~/routes/api.v1.enterprises";
import * as enterprise from "~/routes/enterprises.$slug";
import * as methodology from "~/routes/methodology_.$version";
import * as newThread from "~/routes/forum_.new";
import * as ratings from "~/routes/ratings";
import * as sector from "~/routes/sector";
import * as sectorExport from "~/routes/sector_.export.$table";
import * as verification from "~/routes/verification";
import { languageFromAcceptLanguage, matchLanguage } from "~/utils/i18n";
import { createTestUser, getRequest, run } from "../helpers/routes";

/** Names every JavaScript object answers to: looked up in a plain object they find Object's prototype, not "nothing". */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

describe("names of Object's own properties in a URL", () => {
  test("a methodology version named __proto__, constructor or toString is not found (404), not a 500", async () => {
    for (const version of PROTOTYPE_KEYS) {
      const outcome = await run(methodology.loader, getRequest(`/methodology/${version}`), { version });
      expect(outcome.status, version).toBe(404);
    }
    expect((await run(methodology.loader, getRequest("/methodology/1"), { version: "1" })).status).toBe(200);
  });

  test("every other route parameter looked up by name answers 404 for them", async () => {
    for (const key of PROTOTYPE_KEYS) {
      const path = encodeURIComponent(key);
      expect((await run(sectorExport.loader, getRequest(`/sector/export/${path}`), { table: key })).status, `sector export ${key}`).toBe(
        404,
      );
      expect((await run(forumCategory.loader, getRequest(`/forum/${path}`), { slug: key })).status, `forum ${key}`).toBe(404);
      expect((await run(forumCategoryFeed.loader, getRequest(`/forum/${path}/feed.atom`), { slug: key })).status, `feed ${key}`).toBe(404);
      expect((await run(enterprise.loader, getRequest(`/enterprises/${path}`), { slug: key })).status, `enterprise ${key}`).toBe(404);
      const api = (await apiEnterprise.loader({
        request: getRequest(`/api/v1/enterprises/${path}`),
        params: { slug: key },
        context: { clientAddress: "203.0.113.50" },
      })) as Response;
      expect(api.status, `api ${key}`).toBe(404);
    }
  });

  test("query parameters with those names are ignored or refused, never a 500", async () => {
    const user = await createTestUser({ roles: ["verifier", "entrepreneur"] });
    for (const key of PROTOTYPE_KEYS) {
      const value = encodeURIComponent(key);
      const pages = [
        () =>
          run(
            ratings.loader,
            getRequest(`/ratings?country=${value}&sector=${value}&sort=${value}&tier=${value}&trust=${value}&size=${value}`),
          ),
        () => run(sector.loader, getRequest(`/sector?country=${value}&sector=${value}&size=${value}&trust=${value}`)),
        () => run(compare.loader, getRequest(`/compare?e=${value}`)),
        () => run(consultations.loader, getRequest(`/forum/consultations?country=${value}`)),
        () => run(newThread.loader, getRequest(`/forum/new?category=${value}`, user.cookie)),
        () => run(verification.loader, getRequest(`/verification?country=${value}`, user.cookie)),
      ];
      for (const page of pages) expect((await page()).status, key).toBeLessThan(500);
      const api = (await apiEnterprises.loader({
        request: getRequest(`/api/v1/enterprises?country=${value}&sector=${value}&sort=${value}`),
        params: {},
        context: { clientAddress: `203.0.113.${60 + PROTOTYPE_KEYS.indexOf(key)}` },
      })) as Response;
      expect(api.status, `api list ${key}`).toBeLessThan(500);
    }
  });

  test("an Accept-Language of constructor or __proto__ is no language", () => {
    for (const key of PROTOTYPE_KEYS) {
      expect(matchLanguage(key), key).toBeNull();
      expect(languageFromAcceptLanguage(`${key}, ru;q=0.5`), key).toBe("ru");
    }
  });
});
