// Needs no database.
import { expect, test } from "vitest";
import { extractMentions, handleBase } from "./forum-mentions";

test("a handle comes from the display name, transliterated, lower case", () => {
  expect(handleBase("Aigerim Sadykova")).toBe("aigerim-sadykova");
  expect(handleBase("Жасыл Қала")).toBe("zhasyl-qala");
  expect(handleBase("!!!")).toBe("member");
});

test("mentions are @handles outside code, quotes, e-mail addresses and paths, each named once", () => {
  expect(
    extractMentions(
      "> @quoted-person wrote:\n> hello @someone-quoted\nHi @daniyar-fund and @Daniyar-Fund, see `@not-this` and mail@example.org or /path/@x.\n```\n@nor-this\n```\n(@last)",
    ),
  ).toEqual(["daniyar-fund", "last"]);
});
