// Needs no database.
import { describe, expect, test } from "vitest";
import { languageCookie } from "./language-cookie.server";
import { PageCache, pageCacheKey, withNonce, type StoredPage } from "./page-cache.server";

const lng = async (language: string) => (await languageCookie.serialize(language)).split(";")[0]!;

describe("pageCacheKey", () => {
  const get = (url: string, headers: { cookie?: string; "accept-language"?: string } = {}) => pageCacheKey({ method: "GET", url, headers });

  test("a page is kept per address (query included) and per language, whichever way the language is named", async () => {
    expect(await get("/ratings?country=KZ")).toBe("en /ratings?country=KZ");
    expect(await get("/ratings", { "accept-language": "ru-RU,ru;q=0.9" })).toBe("ru /ratings");
    expect(await get("/ratings", { cookie: await lng("kk"), "accept-language": "ru" })).toBe("kk /ratings");
    expect(await get("/ratings?lang=ps", { cookie: await lng("kk") })).toBe("ps /ratings?lang=ps");
    expect(await get("/ratings", { "accept-language": "de" })).toBe("en /ratings");
  });

  test("a signed-in visitor, a notice waiting to be shown, any cookie Ortaq does not know, and anything but GET go to the app", async () => {
    expect(await get("/ratings", { cookie: "ortaq_session=abc" })).toBeNull();
    expect(await get("/ratings", { cookie: `${await lng("ru")}; ortaq_notice=xyz` })).toBeNull();
    expect(await get("/ratings", { cookie: "tracking=1" })).toBeNull();
    expect(await pageCacheKey({ method: "HEAD", url: "/ratings", headers: {} })).toBeNull();
    expect(await pageCacheKey({ method: "POST", url: "/ratings", headers: {} })).toBeNull();
    // The device remembered for logins changes nothing on a public page.
    expect(await get("/ratings", { cookie: `ortaq_device=t0k3n; ${await lng("ru")}` })).toBe("ru /ratings");
  });
});

describe("PageCache", () => {
  const page = (text: string, nonce = "n0nce"): StoredPage => ({
    headers: { "content-type": "text/html", "set-cookie": "x=1", "content-security-policy": `script-src 'nonce-${nonce}'`, vary: "Cookie" },
    body: Buffer.from(`<script nonce="${nonce}"></script>${text}`),
    nonce,
    etag: `"${text}"`,
  });
  let clock = 0;
  const cache = (options: Partial<{ maxAgeMs: number; maxBytes: number }> = {}) =>
    new PageCache({ maxAgeMs: 60_000, maxBytes: 1_000_000, now: () => clock, ...options }, { listening: true });

  test("keeps a page for the data version it was rendered from: a change to the data drops it, and a page rendered before the change is not kept", () => {
    const pages = cache();
    const before = pages.version;
    pages.set("en /", page("first"), before);
    expect(pages.get("en /")?.etag).toBe('"first"');
    pages.invalidate();
    expect(pages.get("en /")).toBeNull();
    // Rendered from the old data, finished after the change: not kept.
    pages.set("en /", page("late"), before);
    expect(pages.get("en /")).toBeNull();
    pages.set("en /", page("second"), pages.version);
    expect(pages.get("en /")?.etag).toBe('"second"');
  });

  test("keeps nothing, and serves nothing, while changes to the data cannot be heard, or when kept for 0 seconds", () => {
    const pages = cache();
    pages.set("en /", page("first"), pages.version);
    pages.setListening(false);
    expect(pages.get("en /")).toBeNull();
    pages.set("en /", page("deaf"), pages.version);
    pages.setListening(true);
    expect(pages.get("en /")).toBeNull();
    const never = cache({ maxAgeMs: 0 });
    never.set("en /", page("first"), never.version);
    expect(never.get("en /")).toBeNull();
  });

  test("a page is kept at most its time, and the least recently read go first when memory is full", () => {
    clock = 0;
    const pages = cache({ maxAgeMs: 1_000 });
    pages.set("en /", page("first"), pages.version);
    clock = 999;
    expect(pages.get("en /")).not.toBeNull();
    clock = 1_000;
    expect(pages.get("en /")).toBeNull();

    // Each page takes 71 bytes (its body and key): four fit in 300.
    const small = cache({ maxBytes: 300 });
    for (const key of ["a", "b"]) small.set(key, page(key.repeat(40)), small.version);
    expect(small.get("a")).not.toBeNull(); // read: now the most recent
    for (const key of ["c", "d", "e"]) small.set(key, page(key.repeat(40)), small.version);
    expect(small.size).toBe(4);
    expect(small.get("b")).toBeNull();
    for (const key of ["a", "c", "d", "e"]) expect(small.get(key)).not.toBeNull();
  });

  test("the headers each response makes for itself (cookies, CSP with its nonce) are never replayed", () => {
    const pages = cache();
    pages.set("en /", page("first"), pages.version);
    const kept = pages.get("en /")!;
    expect(Object.keys(kept.headers).sort()).toEqual(["content-type", "vary"]);
  });

  test("a kept page is sent with the new response's nonce in place of the one it was rendered with", () => {
    const sent = withNonce(page("Café ✓", "old-nonce=="), "new-nonce==").toString("utf8");
    expect(sent).toBe('<script nonce="new-nonce=="></script>Café ✓');
  });
});
