import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KeptHtml, KeptHtmlProvider } from "~/components/kept-html";
import { resetEnvCache } from "~/utils/env.server";
import { keepHtml, keptHtml } from "~/utils/kept-html.server";

let detailRenders = 0;

function Detail({ count }: { count: number }) {
  detailRenders++;
  return (
    <section>
      <h2>Questions</h2>
      {/* Adjacent texts: React separates them with a marker the browser's render relies on. */}
      <p>
        {count} {"questions"}
      </p>
    </section>
  );
}

const page = (id: string, count: number) => (
  <KeptHtmlProvider value={keptHtml}>
    <article>
      <h1>Methodology</h1>
      <KeptHtml id={id}>
        <Detail count={count} />
      </KeptHtml>
    </article>
  </KeptHtmlProvider>
);

let n = 0;
const freshId = () => `test-${++n}`;

describe("keepHtml and <KeptHtml>", () => {
  const runningAs = (mode: "production" | "development") => {
    vi.stubEnv("NODE_ENV", mode);
    resetEnvCache();
  };
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("serves the kept markup in the place of the part, identical to the part rendered in the page", () => {
    runningAs("production");
    const id = freshId();
    const inPage = renderToString(page(id, 12));
    const render = vi.fn(() => <Detail count={12} />);
    keepHtml(id, render);
    keepHtml(id, render);
    expect(render).toHaveBeenCalledTimes(1);
    expect(keptHtml.get(id)).toContain("12<!-- --> <!-- -->questions");
    const rendersBefore = detailRenders;
    expect(renderToString(page(id, 12))).toBe(inPage);
    expect(detailRenders, "the part's elements are not rendered again").toBe(rendersBefore);
  });

  it("keeps nothing outside production, where the code and translations change under the server", () => {
    runningAs("development");
    const id = freshId();
    keepHtml(id, () => <Detail count={3} />);
    expect(keptHtml.has(id)).toBe(false);
    expect(renderToString(page(id, 4))).toContain("4<!-- --> <!-- -->questions");
  });

  it("keeps each id's own markup: another id (another language, another version) is rendered from its elements", () => {
    runningAs("production");
    const english = freshId();
    const russian = freshId();
    keepHtml(english, () => <Detail count={1} />);
    expect(renderToString(page(russian, 2))).toContain("2<!-- --> <!-- -->questions");
    keepHtml(russian, () => <Detail count={2} />);
    expect(keptHtml.get(english)).toContain("1<!-- -->");
    expect(keptHtml.get(russian)).toContain("2<!-- -->");
  });
});
