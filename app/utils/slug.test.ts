// Needs no database.
import { describe, expect, test } from "vitest";
import { SLUG_PATTERN, slugify } from "./slug";

describe("slugify", () => {
  test.each([
    ["Жасыл Қала", "zhasyl-qala"],
    ["Әлем үйі", "alem-uii"],
    ["Ғылым және Өнер", "ghylym-zhane-oner"],
    ["Ұлы Дала Һ", "uly-dala-h"],
    ["Тоҷикистон Ҳунар", "tojikiston-hunar"],
    ["Oʻzbekiston gʻalla", "ozbekiston-galla"],
    ["Türkmen Çörek Şäheri", "turkmen-chorek-shaheri"],
    ["Aşgabat ňaý ýaşlar žurnal", "ashgabat-ngay-yashlar-zhurnal"],
    ["Улаанбаатар Өргөө", "ulaanbaatar-orgoo"],
  ])("transliterates %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  test("gives Dari and Pashto names a readable Latin slug", () => {
    expect(slugify("کابل")).toBe("kabl");
    expect(slugify("هرات سبز")).toBe("hrat-sbz");
    expect(slugify("ښځې د کار لپاره")).toBe("khdze-d-kar-lparh");
    expect(slugify("ولسوالی ۱۲")).toBe("wlsuali-12");
  });

  test("always gives a valid slug, never an empty one for a name in a regional script", () => {
    for (const name of ["Қ", "ә", "ş", "ی", "ټ", "Ө", "ӯ"]) {
      const slug = slugify(name);
      expect(slug).toMatch(SLUG_PATTERN);
    }
  });
});
