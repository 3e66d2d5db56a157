// Needs no database.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TableCaption, TableScroll } from "~/components/table-scroll";

const attribute = (html: string, element: string, name: string) => new RegExp(`<${element}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

describe("TableScroll", () => {
  it("is named by its table's caption, so the name is read once", () => {
    const html = renderToStaticMarkup(
      <TableScroll>
        <table>
          <TableCaption>Rating history</TableCaption>
        </table>
      </TableScroll>,
    );
    const captionId = attribute(html, "caption", "id");
    expect(captionId).toBeTruthy();
    expect(attribute(html, "div", "aria-labelledby")).toBe(captionId);
    expect(attribute(html, "div", "aria-label")).toBeUndefined();
  });

  it("names its caption with the id it is given, the same wherever the table is rendered", () => {
    const html = renderToStaticMarkup(
      <TableScroll captionId="tiers-caption">
        <table>
          <TableCaption>Tiers</TableCaption>
        </table>
      </TableScroll>,
    );
    expect(attribute(html, "caption", "id")).toBe("tiers-caption");
    expect(attribute(html, "div", "aria-labelledby")).toBe("tiers-caption");
  });

  it("takes a label for a table without a caption", () => {
    const html = renderToStaticMarkup(
      <TableScroll label="Categories">
        <table />
      </TableScroll>,
    );
    expect(attribute(html, "div", "aria-label")).toBe("Categories");
    expect(attribute(html, "div", "aria-labelledby")).toBeUndefined();
  });

  it("gives each table's caption its own name on a page with several", () => {
    const html = renderToStaticMarkup(
      <>
        {["Totals", "Owed"].map((caption) => (
          <TableScroll key={caption}>
            <table>
              <TableCaption>{caption}</TableCaption>
            </table>
          </TableScroll>
        ))}
      </>,
    );
    const ids = [...html.matchAll(/<caption id="([^"]*)"/g)].map((match) => match[1]);
    const labelledBy = [...html.matchAll(/aria-labelledby="([^"]*)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(2);
    expect(labelledBy).toEqual(ids);
  });
});
