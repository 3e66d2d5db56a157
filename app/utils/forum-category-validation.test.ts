// Needs no database.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { EditCategorySchema, NewCategorySchema, RESERVED_CATEGORY_SLUGS } from "./forum-category-validation";
import { SLUG_PATTERN } from "./slug";

/** The first segment after /forum/ of every forum route that is not /forum/:slug itself. */
function fixedForumSegments() {
  const routes = readdirSync(fileURLToPath(new URL("../routes", import.meta.url)));
  const segments = routes
    .filter((name) => name.startsWith("forum_."))
    .map((name) =>
      name
        .replace(/\.tsx?$/, "")
        .slice("forum_.".length)
        .replaceAll("[.]", "\u0000")
        .split(".")[0]!
        .replace(/_$/, "")
        .replaceAll("\u0000", "."),
    )
    .filter((segment) => !segment.startsWith("$"));
  return new Set(segments);
}

describe("category addresses that forum pages use", () => {
  test("are every fixed address under /forum/ that a slug could spell", () => {
    const sluggable = [...fixedForumSegments()].filter((segment) => SLUG_PATTERN.test(segment));
    expect(sluggable.length).toBeGreaterThan(0);
    expect([...RESERVED_CATEGORY_SLUGS].sort()).toEqual(sluggable.sort());
  });

  test("are refused for a new category, whatever the name's case or punctuation", () => {
    for (const en of ["Search", "NEW", "Threads!", "  moderation  "]) {
      const parsed = NewCategorySchema.safeParse({ name: { en, ru: "Поиск" }, description: {}, kind: "theme" });
      expect(parsed.success, en).toBe(false);
      expect(
        parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message]),
        en,
      ).toEqual([["name.en", "forumAdmin.errors.slugReserved"]]);
    }
    expect(NewCategorySchema.safeParse({ name: { en: "Search and rescue" }, description: {}, kind: "theme" }).success).toBe(true);
  });

  test("do not stop a rename, which keeps the category's address", () => {
    expect(EditCategorySchema.safeParse({ id: "category-1", name: { en: "Search", ru: "Поиск" }, description: {} }).success).toBe(true);
  });
});

describe("a category's names and descriptions", () => {
  test("need the English name; every other language is optional, and one left empty is not stored", () => {
    const parsed = EditCategorySchema.parse({
      id: "category-1",
      name: { en: "Climate", kk: "Климат", ps: "اقلیم", ru: undefined },
      description: { en: undefined, mn: "Уур амьсгалын өөрчлөлт ба бизнес." },
    });
    expect(parsed.name).toEqual({ en: "Climate", kk: "Климат", ps: "اقلیم" });
    expect(parsed.description).toEqual({ en: "", mn: "Уур амьсгалын өөрчлөлт ба бизнес." });
    const missing = EditCategorySchema.safeParse({ id: "category-1", name: { kk: "Климат" }, description: {} });
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["name.en"]);
  });
});
