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
    .map((name) => name.replace(/\.tsx?$/, "").slice("forum_.".length).replaceAll("[.]", "\u0000").split(".")[0]!.replace(/_$/, "").replaceAll("\u0000", "."))
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
    const fields = { nameRu: "Поиск", kind: "theme" };
    for (const nameEn of ["Search", "NEW", "Threads!", "  moderation  "]) {
      const parsed = NewCategorySchema.safeParse({ ...fields, nameEn });
      expect(parsed.success, nameEn).toBe(false);
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message]), nameEn).toEqual([["nameEn", "forumAdmin.errors.slugReserved"]]);
    }
    expect(NewCategorySchema.safeParse({ ...fields, nameEn: "Search and rescue" }).success).toBe(true);
  });

  test("do not stop a rename, which keeps the category's address", () => {
    expect(EditCategorySchema.safeParse({ id: "category-1", nameEn: "Search", nameRu: "Поиск" }).success).toBe(true);
  });
});
