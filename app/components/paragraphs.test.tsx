// Needs no database.
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { Paragraphs } from "~/components/paragraphs";

const render = (text: string) => renderToStaticMarkup(<Paragraphs text={text} />);

test("a blank line starts a new paragraph and a single line break stays a line break", () => {
  expect(render("We train women in sewing.\n\nWe sell what they make.\r\nIn three towns.")).toBe(
    "<p>We train women in sewing.</p><p>We sell what they make.<br/>In three towns.</p>",
  );
});

test("several blank lines, spaces on them and blank ends make no empty paragraphs", () => {
  expect(render("\n\nOne.\n \n\n\nTwo.\n\n")).toBe("<p>One.</p><p>Two.</p>");
});

test("markup in the text is shown as text, never run", () => {
  const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
  expect(html).not.toContain("<script>");
  expect(html).not.toContain("<img");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});
