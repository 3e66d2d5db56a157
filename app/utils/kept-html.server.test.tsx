// Needs no database.
import { Writable } from "node:stream";
import i18next from "i18next";
import { createContext, useContext, type ComponentProps, type ReactElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KeptHtml, KeptHtmlProvider, KeptPart } from "~/components/kept-html";
import { resetEnvCache } from "~/utils/env.server";
import { keepHtml, keptHtml, RenderedParts } from "~/utils/kept-html.server";

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

const runningAs = (mode: "production" | "development") => {
  vi.stubEnv("NODE_ENV", mode);
  resetEnvCache();
};
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("keepHtml and <KeptHtml>", () => {
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

let itemRenders = 0;

/** A post-like part: what it shows comes from its props and the reader's language only. */
function Item({ title, helpful, own }: { title: string; helpful: number; own: boolean }) {
  itemRenders++;
  const { t } = useTranslation();
  return (
    <article>
      <h3>{title}</h3>
      {/* Adjacent texts, as in a post's footer. */}
      <p>
        {t("greeting")} {helpful} {own ? <a href="/edit">edit</a> : null}
      </p>
    </article>
  );
}

const WhoReads = createContext("nobody");

function Reader() {
  return <p className="reader">{useContext(WhoReads)}</p>;
}

async function translations(language: "en" | "ru") {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    resources: { en: { translation: { greeting: "Helpful" } }, ru: { translation: { greeting: "Полезно" } } },
  });
  return instance;
}

/** A page with `items` as kept parts of a list, rendered by the server's streaming renderer as pages are. */
function listPage(i18n: Awaited<ReturnType<typeof translations>>, items: ComponentProps<typeof Item>[], reader: string, store = keptHtml) {
  return renderToPage(
    <I18nextProvider i18n={i18n}>
      <WhoReads.Provider value={reader}>
        <KeptHtmlProvider value={store}>
          <ol>
            {items.map((item) => (
              <KeptPart key={item.title} name="test-item" as="li" component={Item} props={item} />
            ))}
          </ol>
          <Reader />
        </KeptHtmlProvider>
      </WhoReads.Provider>
    </I18nextProvider>,
  );
}

function renderToPage(element: ReactElement) {
  return new Promise<string>((resolve, reject) => {
    let html = "";
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        html += chunk.toString();
        callback();
      },
    });
    sink.on("finish", () => resolve(html));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onError: reject });
  });
}

/** The same list rendered as React renders it in the browser: each item in its element, nothing kept. */
async function inPlace(i18n: Awaited<ReturnType<typeof translations>>, items: ComponentProps<typeof Item>[], reader: string) {
  return renderToPage(
    <I18nextProvider i18n={i18n}>
      <WhoReads.Provider value={reader}>
        <ol>
          {items.map((item) => (
            <li key={item.title}>
              <Item {...item} />
            </li>
          ))}
        </ol>
        <Reader />
      </WhoReads.Provider>
    </I18nextProvider>,
  );
}

describe("<KeptPart>: parts rendered once for their props", () => {
  it("writes the markup the part has in place, and renders it once for the same props and language", async () => {
    runningAs("production");
    const english = await translations("en");
    const items = [
      { title: `First ${++n}`, helpful: 2, own: true },
      { title: `Second ${n}`, helpful: 0, own: false },
    ];
    const expected = await inPlace(english, items, "Aigerim");
    expect(expected).toContain("Helpful<!-- --> <!-- -->2");
    expect(await listPage(english, items, "Aigerim")).toBe(expected);
    const before = itemRenders;
    expect(await listPage(english, items, "Aigerim")).toBe(expected);
    expect(itemRenders, "the kept parts are not rendered again").toBe(before);
  });

  it("renders a part again when anything it shows changes: a count, the reader's rights, the language", async () => {
    runningAs("production");
    const english = await translations("en");
    const title = `Post ${++n}`;
    await listPage(english, [{ title, helpful: 0, own: false }], "Bolat");
    const counted = await listPage(english, [{ title, helpful: 1, own: false }], "Bolat");
    expect(counted).toContain("Helpful<!-- --> <!-- -->1");
    expect(counted).not.toContain('href="/edit"');
    const ownView = await listPage(english, [{ title, helpful: 1, own: true }], "Aigerim");
    expect(ownView).toContain('href="/edit"');
    expect(await listPage(english, [{ title, helpful: 1, own: false }], "Bolat"), "another reader's rights never show").not.toContain(
      'href="/edit"',
    );
    const russian = await listPage(await translations("ru"), [{ title, helpful: 1, own: false }], "Bolat");
    expect(russian).toContain("Полезно<!-- --> <!-- -->1");
    expect(russian).not.toContain("Helpful");
  });

  it("leaves the page's own context as it was after rendering a part on its own", async () => {
    runningAs("production");
    const english = await translations("en");
    const items = [{ title: `Context ${++n}`, helpful: 0, own: false }];
    // The first render renders the part inside the page; the second writes it from what was kept.
    for (let i = 0; i < 2; i++) expect(await listPage(english, items, "Dana")).toContain('<p class="reader">Dana</p>');
  });

  it("keeps nothing outside production, and writes the same markup", async () => {
    runningAs("development");
    const english = await translations("en");
    const items = [{ title: `Development ${++n}`, helpful: 3, own: false }];
    const before = itemRenders;
    await listPage(english, items, "Erlan");
    expect(await listPage(english, items, "Erlan")).toBe(await inPlace(english, items, "Erlan"));
    expect(itemRenders - before).toBe(3);
  });

  it("is, in the browser (no store), the component in its element", async () => {
    const english = await translations("en");
    const items = [{ title: `Browser ${++n}`, helpful: 1, own: true }];
    const withoutStore = renderToString(
      <I18nextProvider i18n={english}>
        <ol>
          <KeptPart name="test-item" as="li" component={Item} props={items[0]!} />
        </ol>
      </I18nextProvider>,
    );
    expect(withoutStore).toBe(
      renderToString(
        <I18nextProvider i18n={english}>
          <ol>
            <li>
              <Item {...items[0]!} />
            </li>
          </ol>
        </I18nextProvider>,
      ),
    );
  });
});

describe("RenderedParts", () => {
  it("drops the least recently used parts once their keys and markup pass the bound", async () => {
    runningAs("production");
    const english = await translations("en");
    // Each part: a key of one character and 17 characters of markup; room for two.
    const parts = new RenderedParts(40);
    const render = (text: string) => vi.fn(() => <p>{text.repeat(10)}</p>);
    const a = render("a");
    const b = render("b");
    const c = render("c");
    parts.rendered("a", english, a);
    parts.rendered("b", english, b);
    // Reading "a" again makes "b" the least recently used.
    parts.rendered("a", english, a);
    parts.rendered("c", english, c);
    expect(parts.size).toBe(2);
    parts.rendered("a", english, a);
    parts.rendered("b", english, b);
    expect(a).toHaveBeenCalledTimes(1);
    expect(c).toHaveBeenCalledTimes(1);
    expect(b, "b was dropped, so rendered again").toHaveBeenCalledTimes(2);
  });
});
